export { AwsModelService } from './model-service';
export type { AwsModelServiceProps, AwsAddonOptions, AwsFrontDoorKind } from './model-service';
export { synthAws, awsStackName, buildAwsApp } from './synth';
export type { SynthAwsOptions, SynthAwsResult, AwsApp } from './synth';
