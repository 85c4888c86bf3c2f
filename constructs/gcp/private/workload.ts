import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { renderManifests } from '../../k8s/render';
import { edgeNamespace, edgeNamespaceLabels } from './front-door';
import { child, Ctx } from './context';
import { boundIdentity, BoundIdentity } from './identity';
import type { Manifest } from './kube';

/** GKE Managed Prometheus query frontend (Prometheus HTTP API in the cluster, authenticated to Cloud Monitoring by Workload Identity), pinned. */
export const GMP_FRONTEND_IMAGE = 'gke.gcr.io/prometheus-engine/frontend:v0.15.3-gke.0';
export const GMP_FRONTEND_NAME = 'gmp-frontend';
export const GMP_FRONTEND_PORT = 9090;
/** Namespace of GMP's managed collectors, which scrape PodMonitoring targets. */
export const GMP_COLLECTOR_NAMESPACE = 'gke-gmp-system';

export const PROJECT_ID = '${modelplane:project-id}';
export const WORKLOAD_SA_EMAIL = '${modelplane:workload-sa-email}';
export const FRONTEND_SA_EMAIL = '${modelplane:gmp-frontend-sa-email}';

/** In-cluster Prometheus address KEDA queries (the GMP frontend). */
export function prometheusAddress(ctx: Ctx): string {
  return `http://${GMP_FRONTEND_NAME}.${edgeNamespace(ctx)}.svc.cluster.local:${GMP_FRONTEND_PORT}`;
}

/**
 * The Kubernetes target's workload (flavour gke), as manifests: the KSA carries the Workload Identity
 * annotation, ExternalSecrets read Secret Manager through it, KEDA queries Managed Prometheus through the
 * frontend, only the edge namespace (ESPv2) and GMP's collectors reach the server port. Cloud-side values
 * are placeholders until deployment.
 */
export function workloadManifests(ctx: Ctx, clusterName: string | undefined): Manifest[] {
  const { r } = ctx;
  const manifests = renderManifests({
    service: r.service,
    placement: r.placement,
    cluster: {
      flavor: 'gke',
      serviceAccountAnnotations: { 'iam.gke.io/gcp-service-account': WORKLOAD_SA_EMAIL },
      secretStore: { kind: 'gcp', projectId: PROJECT_ID, clusterLocation: r.placement.region, ...(clusterName !== undefined ? { clusterName } : {}) },
      ingressFrom: { cidrs: [], namespaceLabels: edgeNamespaceLabels(ctx) },
      autoscaler: 'keda',
      monitoring: 'none',
      prometheusAddress: prometheusAddress(ctx),
      monitoringNamespace: GMP_COLLECTOR_NAMESPACE,
      wakeUpQuery: wakeUpQuery(ctx),
    },
  });
  return [...(manifests as unknown as Manifest[]), podMonitoring(ctx)];
}

/**
 * Requests reaching the service's load balancer backend (Cloud Monitoring metric, queried as PromQL): wakes a
 * scale-to-zero service, whose pods report no load while there are none.
 */
export function wakeUpQuery(ctx: Ctx): string {
  return `sum(rate(loadbalancing_googleapis_com:https_request_count{monitored_resource="https_lb_rule",backend_target_name=~".*-${edgeNamespace(ctx)}-${ctx.r.names.proxy}-.*"}[2m]))`;
}

/** GMP scrape of the engine's metrics (the Kubernetes target's ServiceMonitor, in GMP's own CRD). */
function podMonitoring(ctx: Ctx): Manifest {
  const rt = ctx.r.service.spec.runtime;
  const separate = rt.metricsPort !== undefined && rt.metricsPort !== rt.port;
  return {
    apiVersion: 'monitoring.googleapis.com/v1',
    kind: 'PodMonitoring',
    metadata: { name: ctx.r.names.workload, namespace: ctx.r.names.namespace, labels: { 'app.kubernetes.io/managed-by': 'modelplane' } },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': ctx.r.names.appLabel } },
      endpoints: [{ port: separate ? 'metrics' : 'http', path: rt.metricsPath, interval: '15s', timeout: '10s' }],
    },
  };
}

/** Identity of the GMP frontend: `roles/monitoring.viewer` on the project, nothing else. */
export interface FrontendIdentity extends BoundIdentity {
  readonly viewer: gcp.projects.IAMMember;
}

export function createFrontendIdentity(ctx: Ctx): FrontendIdentity {
  const bound = boundIdentity(ctx, 'metrics', ctx.r.names.metricsAccount, edgeNamespace(ctx), GMP_FRONTEND_NAME, `modelplane ${ctx.r.service.name} Managed Prometheus reader`);
  const viewer = new gcp.projects.IAMMember(child(ctx, 'metrics-viewer'), { project: ctx.project, role: 'roles/monitoring.viewer', member: pulumi.interpolate`serviceAccount:${bound.account.email}` }, { parent: ctx.parent });
  return { ...bound, viewer };
}

/** The GMP frontend: Deployment, Service and KSA in the edge namespace (created with the front door). */
export function frontendManifests(ctx: Ctx): Manifest[] {
  const ns = edgeNamespace(ctx);
  const labels = { 'app.kubernetes.io/name': GMP_FRONTEND_NAME, 'app.kubernetes.io/part-of': ctx.r.service.name, 'app.kubernetes.io/managed-by': 'modelplane' };
  const probe = (path: string) => ({ httpGet: { path, port: 'web' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: GMP_FRONTEND_NAME, namespace: ns, labels, annotations: { 'iam.gke.io/gcp-service-account': FRONTEND_SA_EMAIL } } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: GMP_FRONTEND_NAME, namespace: ns, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': GMP_FRONTEND_NAME } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: GMP_FRONTEND_NAME,
            nodeSelector: { 'modelplane.dev/pool': 'system' },
            securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'frontend',
                image: GMP_FRONTEND_IMAGE,
                args: [`--web.listen-address=:${GMP_FRONTEND_PORT}`, `--query.project-id=${PROJECT_ID}`],
                ports: [{ name: 'web', containerPort: GMP_FRONTEND_PORT, protocol: 'TCP' }],
                readinessProbe: probe('/-/ready'),
                livenessProbe: probe('/-/healthy'),
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: GMP_FRONTEND_NAME, namespace: ns, labels },
      spec: { type: 'ClusterIP', selector: { 'app.kubernetes.io/name': GMP_FRONTEND_NAME }, ports: [{ name: 'web', port: GMP_FRONTEND_PORT, targetPort: 'web', protocol: 'TCP' }] },
    },
  ];
}
