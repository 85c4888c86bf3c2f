export { ModelServiceChart } from './chart';
export type { ModelServiceChartProps } from './chart';
export {
  PRIVATE_RANGES, GOOGLE_LB_RANGES, DEFAULT_PROMETHEUS_ADDRESS, DEFAULT_GATEWAY_NAMESPACE_LABELS, DEFAULT_CLUSTER_SECRET_STORE, SCALE_TO_ZERO_ANNOTATION,
} from './cluster';
export type {
  ClusterFlavor, ClusterFlavorName, CommonClusterOptions, EksClusterOptions, GkeClusterOptions, GenericClusterOptions, IngressFrom, SecretStoreOption,
  WakeUpOption, PrometheusWakeUp, AwsCloudWatchWakeUp, NoWakeUp,
} from './cluster';
export * from './objects';
export type * from './types';
export { renderManifests, toYaml } from './render';
export type { Manifest } from './render';
export { synthK8s, k8sRenderings } from './synth';
export type { SynthK8sOptions, K8sRendering } from './synth';
export * from './rules';
