import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Plan } from '../../lib/plan/types';
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
      services.push(new AwsModelService(stack, 'Service', { service, placement }));
      stacks.push(stack);
    }
  }
  return { app, stacks, services };
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
