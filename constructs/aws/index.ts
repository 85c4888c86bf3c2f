export { AwsModelService } from './model-service';
export type { AwsModelServiceProps, AwsAddonOptions, AwsFrontDoorKind } from './model-service';
export { GLOBAL_ENDPOINTS_CONTEXT, synthAws, awsStackName, buildAwsApp } from './synth';
export type { SynthAwsOptions, SynthAwsResult, AwsApp } from './synth';
export { GlobalEndpoint } from './global-endpoint';
export type { GlobalEndpointProps, RemoteFrontDoor } from './global-endpoint';
