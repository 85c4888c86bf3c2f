import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { awsService, joinedText, planOf, Resources, resourcesOf, serviceTemplate, SynthesizedApp, SynthesizedStack, synthPlan, workloadObjects } from './fixtures';

const IDLE = awsService({ name: 'idle-chat', autoscaling: { minReplicas: 1, maxReplicas: 2, scaleToZero: true } });

/** The one resource of a type whose logical id starts with `Service<prefix>` followed by the CDK hash. */
function byId(json: { Resources: Resources }, type: string, prefix: string): [string, Resources[string]] {
  const hits = Object.entries(resourcesOf(json, type)).filter(([id]) => new RegExp(`^Service${prefix}[0-9A-F]{8}$`).test(id));
  if (hits.length !== 1) throw new Error(`expected one ${type} Service${prefix}*, found ${hits.length}`);
  return hits[0]!;
}

describe('scale to zero on AWS: woken by the API Gateway request count', () => {
  let app: SynthesizedApp;
  let stack: SynthesizedStack;
  beforeAll(() => {
    // cdk-nag on: synthPlan throws on any unacknowledged finding (the KEDA role's Resource::* included).
    app = synthPlan(planOf([IDLE]));
    expect(app.stacks).toHaveLength(1);
    stack = app.stacks[0]!;
  });

  it('passes cdk-nag and the CloudFormation rules with no unacknowledged finding', () => {
    for (const p of app.report.pluginReports) {
      expect({ plugin: p.pluginName, violations: p.violations.map((v) => v.ruleName) }).toEqual({ plugin: p.pluginName, violations: [] });
      expect(p.conclusion).toBe('success');
    }
  });

  it('applies a ScaledObject with idleReplicaCount 0 and an aws-cloudwatch wake-up on the API stage Count', () => {
    const objects = workloadObjects(stack.json);
    const so = objects.find((o) => o.kind === 'ScaledObject' && o.metadata.name === 'idle-chat')!;
    expect(so.spec.idleReplicaCount).toBe(0);
    expect(so.spec.minReplicaCount).toBe(1);
    const wake = so.spec.triggers.find((t: any) => t.name === 'wake-up');
    expect(wake).toMatchObject({
      type: 'aws-cloudwatch',
      metricType: 'AverageValue',
      metadata: {
        awsRegion: 'us-east-1',
        namespace: 'AWS/ApiGateway',
        metricName: 'Count',
        dimensionName: 'ApiName;Stage',
        dimensionValue: 'idle-chat-api;prod',
        metricStat: 'Sum',
        metricStatPeriod: '60',
        metricCollectionTime: '300',
        activationTargetMetricValue: '0',
        minMetricValue: '0',
      },
      authenticationRef: { name: 'idle-chat-wake-up' },
    });
    const auth = objects.find((o) => o.kind === 'TriggerAuthentication')!;
    expect(auth.metadata).toMatchObject({ name: 'idle-chat-wake-up', namespace: 'idle-chat' });
    expect(auth.spec).toEqual({ podIdentity: { provider: 'aws' } });
  });

  it('the dimensions are the ones the REST API and its stage publish', () => {
    const [, api] = byId(stack.json, 'AWS::ApiGateway::RestApi', 'Api');
    expect(api.Properties?.Name).toBe('idle-chat-api');
    const [, stage] = byId(stack.json, 'AWS::ApiGateway::Stage', 'ApiDeploymentStageprod');
    expect(stage.Properties?.StageName).toBe('prod');
  });

  it("KEDA's operator assumes an IRSA role that may only read CloudWatch metrics", () => {
    const [roleId, role] = byId(stack.json, 'AWS::IAM::Role', 'KedaOperatorRole');
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('sts:AssumeRoleWithWebIdentity');
    const [conditionsId] = byId(stack.json, 'Custom::AWSCDKCfnJson', 'KedaOperatorRoleTrustConditions');
    expect(JSON.stringify(stack.json.Resources[conditionsId]!.Properties)).toContain('system:serviceaccount:keda:keda-operator');
    const policies = Object.values(resourcesOf(stack.json, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`));
    expect(policies).toHaveLength(1);
    expect((policies[0]!.Properties as any).PolicyDocument.Statement).toEqual([{ Action: 'cloudwatch:GetMetricData', Effect: 'Allow', Resource: '*' }]);
    expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
  });

  it('annotates the KEDA operator ServiceAccount with that role (chart values) and rolls the operator when it changes', () => {
    const keda = Object.values(resourcesOf(stack.json, 'Custom::AWSCDK-EKS-HelmChart')).find((c) => c.Properties?.Chart === 'keda')!;
    const [roleId] = byId(stack.json, 'AWS::IAM::Role', 'KedaOperatorRole');
    const values = JSON.parse(joinedText(keda.Properties?.Values));
    const roleArn = `<{'Fn::GetAtt':['${roleId}','Arn']}>`;
    expect(values.podIdentity).toEqual({ aws: { irsa: { enabled: true, roleArn } } });
    expect(values.serviceAccount).toEqual({ operator: { name: 'keda-operator' } });
    expect(values.podAnnotations.keda['modelplane.io/irsa-role']).toBe(roleArn);
  });
});

describe('scale to zero on AWS without a front door', () => {
  it('keeps minReplicas and says why: nothing publishes a request count', () => {
    const { template } = serviceTemplate(planOf([IDLE]).services[0]!, { frontDoor: 'none' });
    const objects = workloadObjects(template.toJSON() as { Resources: Resources });
    const so = objects.find((o) => o.kind === 'ScaledObject')!;
    expect(so.spec.idleReplicaCount).toBeUndefined();
    expect(so.metadata.annotations['modelplane.io/scale-to-zero']).toMatch(/^disabled: frontDoor is 'none'/);
    expect(objects.some((o) => o.kind === 'TriggerAuthentication')).toBe(false);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
  });

  it('a service that does not scale to zero gets no wake-up trigger, but KEDA still has its read-only role', () => {
    const { template } = serviceTemplate(planOf([awsService({ name: 'busy-chat' })]).services[0]!);
    const so = workloadObjects(template.toJSON() as { Resources: Resources }).find((o) => o.kind === 'ScaledObject')!;
    expect(so.spec.triggers.map((t: any) => t.type)).toEqual(['prometheus']);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'cloudwatch:GetMetricData', Effect: 'Allow', Resource: '*' }] },
      Roles: [{ Ref: Match.stringLikeRegexp('^ServiceKedaOperatorRole') }],
    });
  });
});
