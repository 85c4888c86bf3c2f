import { compliant, K8sObject, nonCompliant, notApplicable, RuleResult } from './types';
import { id, metaOf } from './walk';

/** Kinds without a namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ClusterSecretStore', 'CustomResourceDefinition', 'PriorityClass',
  'StorageClass', 'PersistentVolume', 'Node', 'ClusterTriggerAuthentication', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
]);

/** Namespaced objects name their namespace explicitly, and it is not `default`. */
export function notDefaultNamespace(objects: readonly K8sObject[]): RuleResult {
  const namespaced = objects.filter((o) => !CLUSTER_SCOPED.has(String(o.kind)));
  if (namespaced.length === 0) return notApplicable('no namespaced objects');
  const bad = namespaced.filter((o) => {
    const ns = metaOf(o).namespace;
    return ns === undefined || ns === '' || ns === 'default';
  });
  return bad.length > 0
    ? nonCompliant(`in the default namespace (or none): ${bad.map(id).join(', ')}`)
    : compliant(`${namespaced.length} object(s) in a dedicated namespace`);
}
