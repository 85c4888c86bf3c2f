import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { examplePlan } from '../fixtures/examples';
import { awsService, exampleStacks, planOf, resourcesOf, serviceTemplate, SynthesizedStack } from './fixtures';

let chat: SynthesizedStack;
let big: SynthesizedStack;
beforeAll(() => {
  ({ chat, big } = exampleStacks());
});

function alarm(stack: SynthesizedStack, suffix: string): Record<string, any> {
  const found = Object.values(resourcesOf(stack.json, 'AWS::CloudWatch::Alarm')).find((a) => (a.Properties as any).AlarmName.endsWith(`-${suffix}`));
  expect(found).toBeDefined();
  return found!.Properties as Record<string, any>;
}

describe('alarms from the SLOs (deriveAlerts)', () => {
  it('latency: API Gateway p95 above the objective (8000 ms) for 10 minutes', () => {
    const a = alarm(chat, 'latency');
    expect(a).toMatchObject({ MetricName: 'Latency', Namespace: 'AWS/ApiGateway', ExtendedStatistic: 'p95', Threshold: 8000, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 10, DatapointsToAlarm: 10, Period: 60 });
    expect(alarm(big, 'latency').Threshold).toBe(examplePlan().services.find((s) => s.name === 'llama-70b')!.spec.monitoring.slo.p95LatencyMs);
  });

  it('errors: 5XX share of requests above errorRatePercent for 5 minutes', () => {
    const a = alarm(chat, 'errors');
    expect(a.Threshold).toBe(1);
    expect(a.EvaluationPeriods).toBe(5);
    expect(JSON.stringify(a.Metrics)).toContain('IF(requests > 0, 100 * errors / requests, 0)');
    expect(JSON.stringify(a.Metrics)).toContain('5XXError');
  });

  it('availability: no running pod in the namespace is breaching (not a scale-to-zero service)', () => {
    const a = alarm(chat, 'availability');
    expect(a).toMatchObject({ MetricName: 'namespace_number_of_running_pods', Namespace: 'ContainerInsights', Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching' });
  });

  it('gpu-memory: Container Insights percent above 97 for 15 minutes', () => {
    expect(alarm(chat, 'gpu-memory')).toMatchObject({ MetricName: 'pod_gpu_memory_utilization', Threshold: 97, EvaluationPeriods: 15 });
  });

  it('alarms notify the email destination through a KMS-encrypted, TLS-only topic', () => {
    chat.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    chat.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    chat.template.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
    for (const id of ['latency', 'errors', 'availability', 'gpu-memory']) expect(alarm(chat, id).AlarmActions).toHaveLength(1);
    // llama-70b declares no destination: alarms without actions.
    expect(alarm(big, 'latency').AlarmActions).toBeUndefined();
  });

  it('an SNS destination is used by ARN, without creating a topic', () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:pager';
    const plan = planOf([awsService({ name: 'paged', monitoring: { alerts: [{ type: 'sns', topicArn: arn }] } })]);
    const { template } = serviceTemplate(plan.services[0]!);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [arn] });
  });

  it('dashboard shows requests, latency, errors, GPU utilisation and replicas', () => {
    const body = JSON.stringify(Object.values(resourcesOf(chat.json, 'AWS::CloudWatch::Dashboard'))[0]!.Properties);
    for (const metric of ['Count', 'Latency', '5XXError', '4XXError', 'pod_gpu_utilization', 'pod_gpu_memory_utilization', 'namespace_number_of_running_pods']) expect(body).toContain(metric);
  });
});
