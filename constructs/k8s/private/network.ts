import type { Construct } from 'constructs';
import { KubeNetworkPolicy, NetworkPolicyRule } from '../objects';
import type { NetworkPolicyPort } from '../types';
import { ChartContext, meta } from './context';
import { ingressPeers } from './resolve';

/**
 * NetworkPolicies: deny everything in the namespace (ingress and egress), then allow
 * - ingress to the server port from the flavour's load balancer ranges and the gateway namespaces;
 * - ingress to the metrics port from the monitoring namespace (Prometheus);
 * - egress to cluster DNS (kube-dns/CoreDNS pods labelled k8s-app=kube-dns on EKS, GKE and kubeadm
 *   clusters, and NodeLocal DNSCache at 169.254.20.10; UDP and TCP 53);
 * - egress to HTTPS 443: model hub (Hugging Face), buckets (S3 / GCS) for the copy step, the secret store
 *   and STS (IRSA). Narrow it with `httpsEgressCidrs` to VPC endpoint or proxy ranges;
 * - egress to the link-local endpoint workload identity needs (GKE metadata server; EKS Pod Identity
 *   agent when enabled). The instance metadata service (IMDS) stays blocked on EKS: pods must not borrow
 *   the node's role.
 */
/** Listen address of NodeLocal DNSCache. */
const NODE_LOCAL_DNS = '169.254.20.10/32';

export function addNetworkPolicies(scope: Construct, ctx: ChartContext): KubeNetworkPolicy[] {
  const rt = ctx.service.spec.runtime;
  const pods = { matchLabels: ctx.selector };
  const deny = new KubeNetworkPolicy(scope, 'NetworkPolicyDefaultDeny', {
    metadata: meta(ctx, 'default-deny'),
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });

  const ingress: NetworkPolicyRule[] = [
    { from: ingressPeers(ctx.cluster), ports: [{ protocol: 'TCP', port: rt.port }] },
    {
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ctx.cluster.monitoringNamespace } } }],
      ports: [{ protocol: 'TCP', port: ctx.metricsPort }],
    },
  ];
  const allowIngress = new KubeNetworkPolicy(scope, 'NetworkPolicyAllowIngress', {
    metadata: meta(ctx, `${ctx.names.workload}-ingress`),
    spec: { podSelector: pods, policyTypes: ['Ingress'], ingress },
  });

  const dnsPorts: NetworkPolicyPort[] = [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ];
  const egress: NetworkPolicyRule[] = [
    {
      to: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
        // NodeLocal DNSCache (GKE option, common elsewhere) answers on this link-local address on every node.
        { ipBlock: { cidr: NODE_LOCAL_DNS } },
      ],
      ports: dnsPorts,
    },
    { to: ctx.cluster.httpsEgressCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: 'TCP', port: 443 }] },
    ...ctx.cluster.identityEgress.map((e) => ({ to: [{ ipBlock: { cidr: e.cidr } }], ports: [...e.ports] })),
  ];
  const allowEgress = new KubeNetworkPolicy(scope, 'NetworkPolicyAllowEgress', {
    metadata: meta(ctx, `${ctx.names.workload}-egress`),
    spec: { podSelector: pods, policyTypes: ['Egress'], egress },
  });
  return [deny, allowIngress, allowEgress];
}
