import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_ENDPOINTS_CONTEXT } from '../../constructs/aws';
import { examplePlan } from '../fixtures/examples';
import { SynthesizedApp, synthPlan } from './fixtures';

/**
 * Cross-cloud failover: llama-8b-chat runs on GCP (primary) and AWS (secondary). With the hosted zone and the
 * GCP front door's address in context, its AWS stack gets one host name with Route 53 failover records and
 * health checks; cdk-nag stays clean.
 */
describe('global failover endpoint (Route 53)', () => {
  let app: SynthesizedApp;
  const context = {
    [GLOBAL_ENDPOINTS_CONTEXT]: {
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      zoneName: 'api.example.com',
      services: {
        'llama-8b-chat': {
          remoteIpAddress: '203.0.113.10',
          healthCheckPath: '/healthz',
          certificateAuthorization: { name: '_acme-challenge.llama-8b-chat.api.example.com.', type: 'CNAME', data: 'abc123.authorize.certificatemanager.goog.' },
        },
      },
    },
  };
  beforeAll(() => {
    app = synthPlan(examplePlan(), { context });
  });
  const stack = () => {
    const s = app.stacks.find((x) => x.name === 'demo-llama-8b-chat-aws-us-east-1');
    if (!s) throw new Error('no stack');
    return s;
  };

  it('serves the global host name on the AWS REST API through a regional custom domain with a DNS-validated certificate', () => {
    stack().template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'llama-8b-chat.api.example.com', ValidationMethod: 'DNS' });
    stack().template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'llama-8b-chat.api.example.com',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
    });
    stack().template.resourceCountIs('AWS::ApiGateway::BasePathMapping', 1);
  });

  it('makes the plan primary (GCP) the PRIMARY record and AWS the SECONDARY, each with a health check', () => {
    stack().template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'llama-8b-chat.api.example.com.',
      Type: 'A',
      Failover: 'PRIMARY',
      ResourceRecords: ['203.0.113.10'],
      TTL: '60',
      HealthCheckId: Match.anyValue(),
      SetIdentifier: 'llama-8b-chat-gcp-us-east4',
    });
    stack().template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'llama-8b-chat.api.example.com.',
      Type: 'A',
      Failover: 'SECONDARY',
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue() }),
      HealthCheckId: Match.anyValue(),
      SetIdentifier: 'llama-8b-chat-aws-us-east-1',
    });
  });

  it('health-checks GCP over HTTPS with SNI and AWS through its availability alarm', () => {
    stack().template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ Type: 'HTTPS', IPAddress: '203.0.113.10', FullyQualifiedDomainName: 'llama-8b-chat.api.example.com', ResourcePath: '/healthz', EnableSNI: true, Port: 443 }),
    });
    stack().template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ Type: 'CLOUDWATCH_METRIC', AlarmIdentifier: { Name: Match.anyValue(), Region: 'us-east-1' }, InsufficientDataHealthStatus: 'LastKnownStatus' }),
    });
  });

  it("creates the GCP certificate's DNS authorization record in the zone", () => {
    stack().template.hasResourceProperties('AWS::Route53::RecordSet', { Name: '_acme-challenge.llama-8b-chat.api.example.com.', Type: 'CNAME', ResourceRecords: ['abc123.authorize.certificatemanager.goog'] });
  });

  it('stays cdk-nag clean', () => {
    // cdk-nag fails the synthesis on an unacknowledged finding; the built-in rules always report.
    expect(app.report.pluginReports.map((r) => r.pluginName)).toContain('CloudFormation Validate');
    for (const r of app.report.pluginReports) expect({ plugin: r.pluginName, violations: r.violations }).toEqual({ plugin: r.pluginName, violations: [] });
  });

  it('leaves single-cloud services and the example without context untouched', () => {
    const other = app.stacks.find((x) => x.name === 'demo-llama-70b-aws-us-west-2');
    other?.template.resourceCountIs('AWS::Route53::RecordSet', 0);
  });
});
