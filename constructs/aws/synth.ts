import * as path from 'node:path';
import { Annotations, App, Stack, Validations } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Plan } from '../../lib/plan/types';
import { GlobalEndpoint } from './global-endpoint';
import { AwsModelService } from './model-service';

/**
 * Context of every app the AWS target builds: the feature flags aws-cdk-lib recommends for new projects
 * (secure, current defaults — e.g. NLBs with security groups, restricted default security groups), and the
 * built-in CloudFormation rules turned into errors. Root cdk.json files may repeat them; the app sets them.
 */
export const AWS_APP_CONTEXT: Readonly<Record<string, unknown>> = {
  ...cxapi.CURRENTLY_RECOMMENDED_FLAGS,
  [cxapi.VALIDATE_AGAINST_DEFAULT_RULES]: true,
};

export interface SynthAwsOptions {
  /** Platform name prefixing stack names. @default 'modelplane' */
  readonly platformName?: string;
  /** Run the cdk-nag AwsSolutions pack during synthesis (findings fail the synthesis). @default true */
  readonly nag?: boolean;
  /** Extra context (overrides AWS_APP_CONTEXT). @default - none */
  readonly context?: Readonly<Record<string, unknown>>;
}

export interface SynthAwsResult {
  /** Absolute paths of the CloudFormation templates, one per stack. */
  readonly files: string[];
  /** Stack names, in plan order. */
  readonly stacks: string[];
}

export interface AwsApp {
  readonly app: App;
  readonly stacks: Stack[];
  readonly services: AwsModelService[];
}

/** `<platform>-<service>-<placementId>`, e.g. demo-llama-8b-chat-aws-us-east-1 (≤ 128 characters). */
export function awsStackName(platformName: string, serviceName: string, placementId: string): string {
  return `${platformName}-${serviceName}-${placementId}`;
}

/**
 * Builds (without synthesizing) the CDK app of a plan: one stack per AWS placement, each in the placement's
 * region and account-agnostic (no look-ups: synthesis is offline and deterministic). One stack per placement
 * keeps every template far below CloudFormation's 500-resource and 1 MB limits however many services the
 * platform has, and lets each service deploy, roll back and be deleted on its own.
 */
export function buildAwsApp(plan: Plan, options: SynthAwsOptions & { readonly outdir?: string } = {}): AwsApp {
  const platformName = options.platformName ?? 'modelplane';
  const app = new App({ outdir: options.outdir, context: { ...AWS_APP_CONTEXT, ...options.context } });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks: Stack[] = [];
  const services: AwsModelService[] = [];
  for (const service of plan.services) {
    for (const placement of service.placements) {
      if (placement.cloud !== 'aws') continue;
      const name = awsStackName(platformName, service.name, placement.id);
      const stack = new Stack(app, name, {
        stackName: name,
        env: { region: placement.region },
        description: `modelplane ${platformName}: ${service.name} on ${placement.instanceType} (${placement.id}, ${placement.role})`,
        tags: { 'modelplane.io/platform': platformName, 'modelplane.io/service': service.name, 'modelplane.io/placement': placement.id },
      });
      const aws = new AwsModelService(stack, 'Service', { service, placement });
      services.push(aws);
      stacks.push(stack);
      addGlobalEndpoint(app, stack, aws);
    }
  }
  return { app, stacks, services };
}

/**
 * CDK context key of the cross-cloud failover endpoints (cdk.json "context", or cdk.context.json):
 *
 * ```json
 * "modelplane:globalEndpoints": {
 *   "hostedZoneId": "Z0123456789ABCDEF", "zoneName": "api.example.com",
 *   "services": { "llama-8b-chat": { "remoteIpAddress": "203.0.113.10", "healthCheckPath": "/healthz",
 *     "certificateAuthorization": { "name": "_acme-challenge.llama-8b-chat.api.example.com.", "type": "CNAME", "data": "…" } } }
 * }
 * ```
 * remoteIpAddress and certificateAuthorization are outputs of the GCP program (GcpModelService `address`,
 * `dnsAuthorization`), deployed with `frontDoor.domain` = `<service>.<zoneName>`.
 */
export const GLOBAL_ENDPOINTS_CONTEXT = 'modelplane:globalEndpoints';

interface GlobalEndpointsContext {
  readonly hostedZoneId: string;
  readonly zoneName: string;
  readonly services?: Record<string, { remoteIpAddress: string; healthCheckPath?: string; certificateAuthorization?: { name: string; type: 'CNAME'; data: string } }>;
}

/**
 * A service on two clouds gets its global endpoint in the stack of its AWS placement when the context names
 * the hosted zone and the other cloud's address; otherwise a warning says what to configure.
 */
function addGlobalEndpoint(app: App, stack: Stack, aws: AwsModelService): void {
  const remote = aws.service.placements.find((p) => p.cloud !== 'aws');
  if (remote === undefined) return;
  const ctx = app.node.tryGetContext(GLOBAL_ENDPOINTS_CONTEXT) as GlobalEndpointsContext | undefined;
  const entry = ctx?.services?.[aws.service.name];
  if (ctx === undefined || entry === undefined) {
    // Information, not a warning: a service on two clouds is valid without a shared host name.
    Annotations.of(stack).addInfo(
      `${aws.service.name} runs on ${aws.placement.id} and ${remote.id}: set context ${GLOBAL_ENDPOINTS_CONTEXT} (hosted zone and the ${remote.cloud} front door address) to give it one failover host name.`,
    );
    return;
  }
  const hostedZone = route53.PublicHostedZone.fromHostedZoneAttributes(stack, 'GlobalZone', { hostedZoneId: ctx.hostedZoneId, zoneName: ctx.zoneName });
  new GlobalEndpoint(stack, 'GlobalEndpoint', {
    aws,
    hostedZone,
    remote: { placement: remote, ipAddress: entry.remoteIpAddress, healthCheckPath: entry.healthCheckPath, certificateAuthorization: entry.certificateAuthorization },
  });
}

/** Synthesizes the AWS placements of a plan into `outDir` and returns the templates written. */
export function synthAws(plan: Plan, outDir: string, options: SynthAwsOptions = {}): SynthAwsResult {
  const { app, stacks } = buildAwsApp(plan, { ...options, outdir: outDir });
  const assembly = app.synth();
  return {
    files: stacks.map((s) => path.resolve(assembly.directory, assembly.getStackByName(s.stackName).templateFile)),
    stacks: stacks.map((s) => s.stackName),
  };
}
