import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ServicePlan } from '../../../lib/plan/types';
import type { FrontDoorTiming } from './front-door-timing';
import { createJwtAuthorizer, JwtAuthorizerParts } from './jwt-authorizer';
import { createWebAcl, WebAclParts } from './waf';

/** Access logs are kept a year, like the other logs of the service. */
export const LOG_RETENTION = logs.RetentionDays.ONE_YEAR;
/** Name of the API Gateway stage: URLs are https://<id>.execute-api.<region>.amazonaws.com/prod/<api.path>/… */
export const STAGE_NAME = 'prod';
/** Name of the service's REST API: also the `ApiName` dimension of its CloudWatch metrics. */
export function restApiName(service: ServicePlan): string {
  return `${service.name}-api`;
}
/** NLB listener port (plain HTTP inside the VPC, behind the VPC link). */
const LISTENER_PORT = 80;

export interface FrontDoorOptions {
  readonly service: ServicePlan;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  /** Security group of the pods' nodes (the cluster security group): the NLB reaches pods there. */
  readonly podSecurityGroup: ec2.ISecurityGroup;
  readonly timing: FrontDoorTiming;
  readonly key: kms.IKey;
}

export interface FrontDoorParts {
  readonly loadBalancer: elbv2.NetworkLoadBalancer;
  readonly targetGroup: elbv2.NetworkTargetGroup;
  readonly loadBalancerSecurityGroup: ec2.SecurityGroup;
  readonly vpcLink: apigw.VpcLink;
  readonly api: apigw.RestApi;
  readonly accessLogGroup: logs.LogGroup;
  readonly usagePlan?: apigw.UsagePlan;
  readonly apiKey?: apigw.IApiKey;
  readonly jwt?: JwtAuthorizerParts;
  readonly webAcl: WebAclParts;
}

/**
 * The front door of one placement: a regional REST API (the only API Gateway API that streams beyond 30 s)
 * with the spec's authentication, a private integration through a VPC link to an internal NLB whose IP target
 * group the AWS Load Balancer Controller fills with the pods (TargetGroupBinding), access logs, a WAF and
 * timeouts from the spec at every hop.
 */
export function createFrontDoor(scope: Construct, options: FrontDoorOptions): FrontDoorParts {
  const { service, timing } = options;
  const spec = service.spec;
  const runtime = spec.runtime;

  // Internal NLB in front of the pods.
  const loadBalancerSecurityGroup = new ec2.SecurityGroup(scope, 'LoadBalancerSecurityGroup', {
    vpc: options.vpc,
    description: `${service.name}: internal NLB behind the API Gateway VPC link`,
    allowAllOutbound: false,
  });
  loadBalancerSecurityGroup.connections.allowTo(options.podSecurityGroup, ec2.Port.tcp(runtime.port), `${service.name}: NLB to model server pods (traffic and health checks)`);
  const loadBalancer = new elbv2.NetworkLoadBalancer(scope, 'LoadBalancer', {
    vpc: options.vpc,
    vpcSubnets: options.subnets,
    internetFacing: false,
    crossZoneEnabled: true,
    securityGroups: [loadBalancerSecurityGroup],
    // API Gateway reaches the NLB through PrivateLink (the VPC link); its addresses are not ours to list.
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
  });
  const targetGroup = new elbv2.NetworkTargetGroup(scope, 'Targets', {
    vpc: options.vpc,
    port: runtime.port,
    protocol: elbv2.Protocol.TCP,
    targetType: elbv2.TargetType.IP,
    deregistrationDelay: Duration.seconds(timing.deregistrationDelaySeconds),
    healthCheck: {
      protocol: elbv2.Protocol.HTTP,
      path: runtime.healthPath,
      port: 'traffic-port',
      interval: Duration.seconds(10),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 2,
    },
  });
  targetGroup.setAttribute('tcp.idle_timeout.seconds', String(timing.nlbIdleTimeoutSeconds));
  loadBalancer.addListener('Http', { port: LISTENER_PORT, protocol: elbv2.Protocol.TCP, defaultTargetGroups: [targetGroup] });
  Validations.of(loadBalancer).acknowledge({
    id: 'AwsSolutions-ELB2',
    reason: 'NLB access logs only record TLS listeners; this listener is TCP behind the VPC link, and every request is logged by the API Gateway access log.',
  });

  const vpcLink = new apigw.VpcLink(scope, 'VpcLink', { targets: [loadBalancer], description: `${service.name}: API Gateway to the internal NLB` });

  // Authentication.
  const auth = spec.api.auth;
  const jwt = auth.type === 'jwt' ? createJwtAuthorizer(scope, auth.issuer, auth.audiences, options.key, LOG_RETENTION) : undefined;
  const methodOptions: apigw.MethodOptions =
    auth.type === 'apiKey' ? { apiKeyRequired: true, authorizationType: apigw.AuthorizationType.NONE }
    : auth.type === 'jwt' ? { authorizer: jwt?.authorizer, authorizationType: apigw.AuthorizationType.CUSTOM }
    : auth.type === 'iam' ? { authorizationType: apigw.AuthorizationType.IAM }
    : { authorizationType: apigw.AuthorizationType.NONE };

  const accessLogGroup = new logs.LogGroup(scope, 'AccessLogs', { retention: LOG_RETENTION, encryptionKey: options.key, removalPolicy: RemovalPolicy.RETAIN });
  const api = new apigw.RestApi(scope, 'Api', {
    restApiName: restApiName(service),
    description: `modelplane ${service.name}: ${spec.model.source}`,
    endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
    cloudWatchRole: true,
    cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
    deployOptions: {
      stageName: STAGE_NAME,
      accessLogDestination: new apigw.LogGroupLogDestination(accessLogGroup),
      accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
        caller: true, httpMethod: true, ip: true, protocol: true, requestTime: true, resourcePath: true, responseLength: true, status: true, user: true,
      }),
      loggingLevel: apigw.MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      metricsEnabled: true,
    },
    defaultMethodOptions: methodOptions,
  });

  // ANY <path> and ANY <path>/{proxy+}, forwarded without the base path.
  const integration = (suffix: string) =>
    new apigw.Integration({
      type: apigw.IntegrationType.HTTP_PROXY,
      integrationHttpMethod: 'ANY',
      uri: `http://${loadBalancer.loadBalancerDnsName}/${suffix}`,
      options: {
        connectionType: apigw.ConnectionType.VPC_LINK,
        vpcLink,
        timeout: Duration.seconds(timing.integrationTimeoutSeconds),
        responseTransferMode: timing.transferMode === 'STREAM' ? apigw.ResponseTransferMode.STREAM : apigw.ResponseTransferMode.BUFFERED,
        ...(suffix === '' ? {} : { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } }),
      },
    });
  let base: apigw.IResource = api.root;
  for (const segment of spec.api.path.split('/').filter((s) => s !== '')) base = base.addResource(segment);
  base.addMethod('ANY', integration(''));
  base.addResource('{proxy+}').addMethod('ANY', integration('{proxy}'), { requestParameters: { 'method.request.path.proxy': true } });

  let usagePlan: apigw.UsagePlan | undefined;
  let apiKey: apigw.IApiKey | undefined;
  if (auth.type === 'apiKey') {
    usagePlan = api.addUsagePlan('UsagePlan', {
      name: `${service.name}-clients`,
      description: 'Per-key throttling from api.rateLimitPerSecond / api.rateLimitBurst',
      throttle: { rateLimit: spec.api.rateLimitPerSecond, burstLimit: spec.api.rateLimitBurst ?? Math.ceil(spec.api.rateLimitPerSecond * 2) },
      apiStages: [{ api, stage: api.deploymentStage }],
    });
    // A first key so the API is usable after deploy; its value is generated by API Gateway, never in the template.
    apiKey = api.addApiKey('DefaultApiKey', { description: `${service.name}: first client key (read it with aws apigateway get-api-key --include-value)` });
    usagePlan.addApiKey(apiKey);
  }

  const webAcl = createWebAcl(scope, service, api.deploymentStage);
  acknowledgeApiFindings(api, auth);
  return { loadBalancer, targetGroup, loadBalancerSecurityGroup, vpcLink, api, accessLogGroup, usagePlan, apiKey, jwt, webAcl };
}

function acknowledgeApiFindings(api: apigw.RestApi, auth: ServicePlan['spec']['api']['auth']): void {
  const v = Validations.of(api);
  v.acknowledge({
    id: 'AwsSolutions-APIG2',
    reason: 'A transparent proxy to an OpenAI-compatible (or custom) inference server: request bodies are validated by the server, whose schema evolves with the engine; validating them at the edge would drift from it.',
  });
  v.acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    reason: 'The account-level role API Gateway uses to write execution logs; the AWS-managed policy is the documented one.',
  });
  if (auth.type !== 'jwt') {
    // COG4 asks for a Cognito authorizer; APIG4 for any authorizer.
    const why =
      auth.type === 'apiKey' ? 'api.auth is apiKey: every method requires an API key of the usage plan (per-key throttling).'
      : auth.type === 'iam' ? 'api.auth is iam: every method uses AWS_IAM (SigV4) authorization.'
      : `api.auth is public, reviewed with the reason: ${auth.reason}`;
    v.acknowledge({ id: 'AwsSolutions-COG4', reason: why });
    if (auth.type !== 'iam') v.acknowledge({ id: 'AwsSolutions-APIG4', reason: why });
  } else {
    v.acknowledge({ id: 'AwsSolutions-COG4', reason: 'api.auth is jwt: tokens of the declared OIDC issuer are verified by a TOKEN authorizer (the issuer is not a Cognito user pool).' });
  }
}
