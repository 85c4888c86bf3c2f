import { describe, expect, it } from 'vitest';
import { deriveAlerts } from '../../lib/workload';
import { get, GCP_CASES, run, T, withSpec } from './fixtures';

describe.each(GCP_CASES.map((c) => [c.service.name, c] as const))('monitoring of %s', (_, { service, placement }) => {
  it('creates one PromQL alert policy per derived SLO alert, with its duration and severity', async () => {
    const r = await run(service, placement);
    const rules = deriveAlerts(service.spec, `namespace="${service.name}"`);
    const policies = r.all(T.alert);
    expect(policies.map((p) => p.name).sort()).toEqual(rules.map((a) => `${r.name}-alert-${a.id}`).sort());
    for (const rule of rules) {
      const p = r.one(T.alert, `alert-${rule.id}`);
      expect(get(p.inputs, 'conditions.0.conditionPrometheusQueryLanguage.query')).toBe(rule.promql);
      expect(get(p.inputs, 'conditions.0.conditionPrometheusQueryLanguage.duration')).toBe(`${rule.forSeconds}s`);
      expect(p.inputs.severity).toBe(rule.severity === 'page' ? 'CRITICAL' : 'WARNING');
    }
  });

  it('draws a dashboard with latency or errors, GPU utilisation and replicas', async () => {
    const json = JSON.parse(String((await run(service, placement)).one(T.dashboard, 'dashboard').inputs.dashboardJson));
    const titles = json.mosaicLayout.tiles.map((t: { widget: { title: string } }) => t.widget.title);
    expect(titles).toEqual(expect.arrayContaining(['Errors per second', 'GPU utilisation (%)', 'Ready replicas']));
  });
});

describe('notification channels', () => {
  it('routes alerts to the email destination of the example', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const r = await run(service, placement);
    expect(r.all(T.channel).map((c) => [c.inputs.type, c.inputs.labels])).toEqual([['email', { email_address: 'oncall@example.com' }]]);
    expect(r.one(T.alert, 'alert-errors').inputs.notificationChannels).toEqual([`${r.name}-alerts-email-0-id`]);
  });

  it('creates a Pub/Sub channel and skips SNS topics (AWS)', async () => {
    const { service, placement } = GCP_CASES[0]!;
    const s = withSpec(service, (spec) => ({
      ...spec,
      monitoring: { ...spec.monitoring, alerts: [{ type: 'pubsub', topic: 'projects/example-project/topics/alerts' }, { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:123456789012:x' }] },
    }));
    const r = await run(s, placement);
    expect(r.all(T.channel).map((c) => [c.inputs.type, c.inputs.labels])).toEqual([['pubsub', { topic: 'projects/example-project/topics/alerts' }]]);
  });
});
