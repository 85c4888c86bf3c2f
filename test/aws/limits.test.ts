import { beforeAll, describe, expect, it } from 'vitest';
import { awsService, planOf, synthPlan, SynthesizedApp, synthExample } from './fixtures';

/** CloudFormation limits per template. */
const MAX_RESOURCES = 500;
const MAX_TEMPLATE_BYTES = 1_000_000;

describe('CloudFormation limits', () => {
  let platform: SynthesizedApp;
  beforeAll(() => {
    const auths: Array<{ type: 'apiKey' } | { type: 'jwt'; issuer: string; audiences: string[] } | { type: 'iam' }> = [
      { type: 'apiKey' },
      { type: 'jwt', issuer: 'https://issuer.example.com/', audiences: ['api'] },
      { type: 'iam' },
    ];
    const services = Array.from({ length: 20 }, (_, i) =>
      awsService({
        name: `svc-${String(i).padStart(2, '0')}`,
        api: { auth: auths[i % 3] },
        secrets: [{ name: 'hf-token', from: `team/svc-${i}/hf-token`, env: 'HF_TOKEN' }],
        monitoring: { alerts: [{ type: 'email', address: `team${i}@example.com` }] },
        placement: { clouds: ['aws'], regions: [i % 2 === 0 ? 'us-east-1' : 'us-west-2'] },
      }),
    );
    platform = synthPlan(planOf(services, 'big'), { nag: false });
  });

  it('a 20-service platform is split into one stack per placement, each under 500 resources and 1 MB', () => {
    expect(platform.stacks).toHaveLength(20);
    for (const s of platform.stacks) {
      expect(Object.keys(s.json.Resources).length).toBeLessThan(MAX_RESOURCES);
      expect(s.bytes).toBeLessThan(MAX_TEMPLATE_BYTES);
    }
  });

  it('the example stacks keep a wide margin (under a third of each limit)', () => {
    for (const s of synthExample().stacks) {
      expect(Object.keys(s.json.Resources).length).toBeLessThan(MAX_RESOURCES / 3);
      expect(s.bytes).toBeLessThan(MAX_TEMPLATE_BYTES / 3);
    }
  });
});
