import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsModelService, AwsModelServiceProps } from '../../constructs/aws';
import { AWS_APP_CONTEXT, buildAwsApp, SynthAwsOptions } from '../../constructs/aws/synth';
import { definePlatform, PlatformSpecInput, ServiceSpecInput } from '../../lib/spec';
import { planPlatform, Plan, ServicePlan } from '../../lib/plan';
import { examplePlan } from '../fixtures/examples';

/** Every resource of a template, by logical id. */
export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: unknown }>;

export interface SynthesizedStack {
  readonly name: string;
  readonly template: Template;
  readonly json: { Resources: Resources };
  readonly file: string;
  readonly bytes: number;
}

export interface SynthesizedApp {
  readonly dir: string;
  readonly stacks: readonly SynthesizedStack[];
  /** The policy-validation report (cdk-nag and CloudFormation's default rules). */
  readonly report: { pluginReports: Array<{ pluginName: string; conclusion: string; violations: Array<{ ruleName: string; severity: string }> }> };
}

/** Synthesizes a plan into a fresh temporary directory, cdk-nag on (throws when a finding is not acknowledged). */
export function synthPlan(plan: Plan, options: SynthAwsOptions = {}): SynthesizedApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelplane-aws-'));
  const { app, stacks } = buildAwsApp(plan, { platformName: 'demo', ...options, outdir: dir });
  const assembly = app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'validation-report.json'), 'utf8'));
  return {
    dir,
    report,
    stacks: stacks.map((s) => {
      const file = path.join(dir, assembly.getStackByName(s.stackName).templateFile);
      const text = fs.readFileSync(file, 'utf8');
      const json = JSON.parse(text);
      return { name: s.stackName, template: Template.fromJSON(json), json, file, bytes: Buffer.byteLength(text) };
    }),
  };
}

let example: SynthesizedApp | undefined;
/** The example platform's AWS stacks, synthesized once per test file. */
export function synthExample(): SynthesizedApp {
  example ??= synthPlan(examplePlan());
  return example;
}

export function exampleStack(serviceName: string): SynthesizedStack {
  const stack = synthExample().stacks.find((s) => s.name.startsWith(`demo-${serviceName}-aws-`));
  if (!stack) throw new Error(`no AWS stack for ${serviceName}`);
  return stack;
}

/** A minimal valid AWS-only service; override any field. */
export function awsService(overrides: Partial<ServiceSpecInput> & { name: string }): ServiceSpecInput {
  return {
    model: { source: 'hf://meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659', contextTokens: 8192 },
    runtime: { engine: 'vllm' },
    placement: { clouds: ['aws'], regions: ['us-east-1'] },
    ...overrides,
  } as ServiceSpecInput;
}

/** Plans a platform of the given services. */
export function planOf(services: ServiceSpecInput[], name = 'test'): Plan {
  return planPlatform(definePlatform({ name, services } as PlatformSpecInput));
}

/** One service in its own stack (region of its AWS placement), without cdk-nag: for behaviour assertions. */
export function serviceTemplate(service: ServicePlan, props: Partial<AwsModelServiceProps> = {}): { template: Template; construct: AwsModelService; stack: Stack } {
  const placement = service.placements.find((p) => p.cloud === 'aws');
  const app = new App({ context: { ...AWS_APP_CONTEXT } });
  const stack = new Stack(app, 'Test', { env: { region: placement?.region ?? 'us-east-1' } });
  const construct = new AwsModelService(stack, 'Service', { service, ...props });
  return { template: Template.fromStack(stack), construct, stack };
}

/** Resources of one type, by logical id. */
export function resourcesOf(json: { Resources: Resources }, type: string): Resources {
  return Object.fromEntries(Object.entries(json.Resources).filter(([, r]) => r.Type === type));
}

/**
 * A JSON property CloudFormation receives as a string or an `Fn::Join` of strings and tokens (Ref, GetAtt),
 * as text: each token becomes `<{'Ref':'Id'}>` (no double quote, so the JSON stays parseable).
 */
export function joinedText(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (!join) throw new Error(`not a string or Fn::Join: ${JSON.stringify(value)}`);
  return join[1].map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`)).join(join[0]);
}

/** The Kubernetes objects the workload manifest (Custom::AWSCDK-EKS-KubernetesResource `Workload`) applies. */
export function workloadObjects(json: { Resources: Resources }): Array<Record<string, any>> {
  const [workload, ...more] = Object.entries(resourcesOf(json, 'Custom::AWSCDK-EKS-KubernetesResource')).filter(([id]) => /^ServiceWorkload[0-9A-F]{8}$/.test(id));
  if (!workload || more.length > 0) throw new Error('expected one ServiceWorkload manifest');
  return JSON.parse(joinedText(workload[1].Properties?.Manifest)) as Array<Record<string, any>>;
}

/** The two example stacks most tests read: the 8B chat service and the 70B service. */
export function exampleStacks(): { chat: SynthesizedStack; big: SynthesizedStack } {
  return { chat: exampleStack('llama-8b-chat'), big: exampleStack('llama-70b') };
}
