import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { buildAwsApp } from '../../constructs/aws';
import { examplePlan, examplePlacements } from '../fixtures/examples';
import { SynthesizedApp, synthExample } from './fixtures';

let synth: SynthesizedApp;
beforeAll(() => {
  synth = synthExample();
});

describe('cdk-nag AwsSolutions and CloudFormation default rules over the example', () => {
  it('synthesizes one stack per AWS placement of the example', () => {
    expect(synth.stacks.map((s) => s.name)).toEqual(examplePlacements('aws').map(({ service, placement }) => `demo-${service.name}-${placement.id}`));
  });

  it('passes both validation plugins with no unacknowledged finding', () => {
    // cdk-nag reports only failures (an active pack is proven by the failing case below); the built-in
    // CloudFormation rules always report.
    const plugins = synth.report.pluginReports.map((p) => p.pluginName);
    expect(plugins).toContain('CloudFormation Validate');
    for (const p of synth.report.pluginReports) {
      expect({ plugin: p.pluginName, violations: p.violations.map((v) => v.ruleName) }).toEqual({ plugin: p.pluginName, violations: [] });
      expect(p.conclusion).toBe('success');
    }
  });

  it('has the built-in validation enabled as errors in the app context', () => {
    const { app } = buildAwsApp(examplePlan(), { nag: false, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'mp-ctx-')) });
    expect(app.node.tryGetContext(cxapi.VALIDATE_AGAINST_DEFAULT_RULES)).toBe(true);
  });

  it('fails synthesis on an unacknowledged finding (the check can fail)', () => {
    const { app, stacks } = buildAwsApp(examplePlan(), { outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'mp-nag-')) });
    const stack = stacks[0] as Stack;
    new s3.Bucket(stack, 'UnloggedBucket');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });
});
