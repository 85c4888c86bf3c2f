/**
 * Validation of rendered objects against the official Kubernetes and CRD schemas (@kubernetes-models,
 * ESM-only: imported dynamically from the tests). Unknown apiVersion/kind pairs fail.
 */
type Validatable = { validate(): void };
type ModelClass = new (data: any) => Validatable;

let registry: Map<string, ModelClass> | undefined;

export async function modelRegistry(): Promise<Map<string, ModelClass>> {
  if (registry) return registry;
  const core = await import('kubernetes-models/v1');
  const apps = await import('kubernetes-models/apps/v1');
  const policy = await import('kubernetes-models/policy/v1');
  const net = await import('kubernetes-models/networking.k8s.io/v1');
  const autoscaling = await import('kubernetes-models/autoscaling/v2');
  const keda = await import('@kubernetes-models/keda/keda.sh/v1alpha1');
  const eso = await import('@kubernetes-models/external-secrets/external-secrets.io/v1');
  const prom = await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1');
  const entries: Array<[string, unknown]> = [
    ['v1/Namespace', core.Namespace],
    ['v1/ServiceAccount', core.ServiceAccount],
    ['v1/Service', core.Service],
    ['v1/Secret', core.Secret],
    ['v1/ConfigMap', core.ConfigMap],
    ['apps/v1/Deployment', apps.Deployment],
    ['policy/v1/PodDisruptionBudget', policy.PodDisruptionBudget],
    ['networking.k8s.io/v1/NetworkPolicy', net.NetworkPolicy],
    ['autoscaling/v2/HorizontalPodAutoscaler', autoscaling.HorizontalPodAutoscaler],
    ['keda.sh/v1alpha1/ScaledObject', keda.ScaledObject],
    ['keda.sh/v1alpha1/TriggerAuthentication', keda.TriggerAuthentication],
    ['external-secrets.io/v1/SecretStore', eso.SecretStore],
    ['external-secrets.io/v1/ClusterSecretStore', eso.ClusterSecretStore],
    ['external-secrets.io/v1/ExternalSecret', eso.ExternalSecret],
    ['monitoring.coreos.com/v1/ServiceMonitor', prom.ServiceMonitor],
    ['monitoring.coreos.com/v1/PrometheusRule', prom.PrometheusRule],
  ];
  registry = new Map(entries.map(([k, v]) => [k, v as ModelClass]));
  return registry;
}

/** Validates one object; returns the error message, or undefined when valid. */
export async function schemaError(obj: Record<string, unknown>): Promise<string | undefined> {
  const reg = await modelRegistry();
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const Model = reg.get(key);
  if (!Model) return `no schema for ${key}`;
  try {
    new Model(obj).validate();
    return undefined;
  } catch (e) {
    const err = e as { message?: string; errors?: unknown };
    return `${err.message ?? String(e)} ${err.errors ? JSON.stringify(err.errors) : ''}`;
  }
}
