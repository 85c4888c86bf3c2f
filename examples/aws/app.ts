/**
 * The CDK app of the example platform (examples/modelplane.yaml): one stack per AWS placement, cdk-nag
 * AwsSolutions checks on. The root cdk.json points here: `npx cdk synth` works offline, without credentials.
 */
import * as path from 'node:path';
import { loadPlatformFile } from '../../lib/spec';
import { planPlatform } from '../../lib/plan';
import { buildAwsApp } from '../../constructs/aws';

const platform = loadPlatformFile(process.env.MODELPLANE_FILE ?? path.resolve(__dirname, '../modelplane.yaml'));
const { app } = buildAwsApp(planPlatform(platform), { platformName: platform.name });
app.synth();
