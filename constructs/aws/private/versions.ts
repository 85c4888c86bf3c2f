import * as eks from 'aws-cdk-lib/aws-eks-v2';

/**
 * Every version the AWS target installs, pinned in one place. Bumping one changes synthesized output for an
 * unchanged spec: it is a versioned, documented event (CHANGELOG), never a silent edit.
 *
 * The Kubernetes version must match the kubectl layer (`@aws-cdk/lambda-layer-kubectl-v33`).
 */
export const KUBERNETES_VERSION = eks.KubernetesVersion.V1_33;

/** AWS Load Balancer Controller: reconciles the TargetGroupBinding that puts pods behind the NLB. */
export const LOAD_BALANCER_CONTROLLER_VERSION = eks.AlbControllerVersion.V2_17_1;

export interface PinnedChart {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  readonly namespace: string;
  readonly release: string;
}

/** NVIDIA device plugin: advertises `nvidia.com/gpu` on the GPU nodes (the AL2023 NVIDIA AMI ships the driver, not the plugin). */
export const NVIDIA_DEVICE_PLUGIN: PinnedChart = {
  repository: 'https://nvidia.github.io/k8s-device-plugin',
  chart: 'nvidia-device-plugin',
  version: '0.17.1',
  namespace: 'nvidia-device-plugin',
  release: 'nvidia-device-plugin',
};

/**
 * KEDA: scales the workload on the engine's queue metrics (the chart's ScaledObject) and wakes scale-to-zero
 * services on API Gateway's request count (aws-cloudwatch scaler, `podIdentity.provider: aws` since 2.13).
 */
export const KEDA: PinnedChart & { readonly operatorServiceAccount: string } = {
  repository: 'https://kedacore.github.io/charts',
  chart: 'keda',
  version: '2.17.2',
  namespace: 'keda',
  release: 'keda',
  // Runs the scalers, so it holds the AWS identity (IRSA).
  operatorServiceAccount: 'keda-operator',
};

/** External Secrets Operator: materialises Secrets Manager secrets as Kubernetes Secrets (external-secrets.io/v1). */
export const EXTERNAL_SECRETS: PinnedChart = {
  repository: 'https://charts.external-secrets.io',
  chart: 'external-secrets',
  version: '0.19.2',
  namespace: 'external-secrets',
  release: 'external-secrets',
};

/**
 * Prometheus (kube-prometheus-stack, Grafana and Alertmanager off): scrapes the engines through the chart's
 * ServiceMonitor and answers KEDA's Prometheus trigger. Alerts go through CloudWatch alarms, not Alertmanager.
 */
export const PROMETHEUS: PinnedChart = {
  repository: 'https://prometheus-community.github.io/helm-charts',
  chart: 'kube-prometheus-stack',
  version: '76.5.1',
  namespace: 'monitoring',
  release: 'kube-prometheus-stack',
};


/** Cluster Autoscaler: adds GPU nodes when KEDA adds replicas (managed node groups do not scale by themselves). */
export const CLUSTER_AUTOSCALER: PinnedChart & { readonly imageTag: string } = {
  repository: 'https://kubernetes.github.io/autoscaler',
  chart: 'cluster-autoscaler',
  version: '9.46.6',
  namespace: 'kube-system',
  release: 'cluster-autoscaler',
  imageTag: 'v1.33.0',
};

/** Amazon CloudWatch Observability add-on: Container Insights with GPU (DCGM) metrics for the dashboard and alarms. */
export const CLOUDWATCH_OBSERVABILITY_ADDON = { name: 'amazon-cloudwatch-observability', version: 'v6.2.0-eksbuild.1' } as const;
