import { describe, expect, it } from 'vitest';
import { examplePlacements } from '../fixtures/examples';
import { get, run } from './fixtures';

/**
 * A service on both clouds answers on one failover host name (Route 53 in the AWS app). On GCP the
 * certificate for that name is authorised by DNS, so it renews whichever cloud the name points at.
 */
describe('GCP front door on a failover host name', () => {
  const chat = examplePlacements('gcp').find((c) => c.service.name === 'llama-8b-chat');
  if (!chat) throw new Error('example llama-8b-chat has no GCP placement');
  const domain = 'llama-8b-chat.api.example.com';

  it('authorises the managed certificate by DNS and serves the domain', async () => {
    const r = await run(chat.service, chat.placement, { frontDoor: { domain } });
    const auth = r.one('gcp:certificatemanager/dnsAuthorization:DnsAuthorization', 'dns-auth');
    expect(auth.inputs.domain).toBe(domain);
    const cert = r.one('gcp:certificatemanager/certificate:Certificate', 'cert');
    expect(get(cert.inputs, 'managed.domains')).toEqual([domain]);
    expect((get(cert.inputs, 'managed.dnsAuthorizations') as unknown[]).length).toBe(1);
    const entry = r.one('gcp:certificatemanager/certificateMapEntry:CertificateMapEntry', 'certmap-entry');
    expect(entry.inputs.hostname).toBe(domain);
  });

  it('needs no DNS authorization on the default Cloud Endpoints host', async () => {
    const r = await run(chat.service, chat.placement);
    expect(r.all('gcp:certificatemanager/dnsAuthorization:DnsAuthorization')).toEqual([]);
  });
});
