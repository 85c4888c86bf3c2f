import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { GcpFrontDoor } from '../types';
import { child, Ctx } from './context';
import { boundIdentity, BoundIdentity } from './identity';
import type { Manifest } from './kube';
import { buildOpenApi } from './openapi';

/** ESPv2 (Cloud Endpoints' Envoy proxy), pinned. */
export const ESPV2_IMAGE = 'gcr.io/endpoints-release/endpoints-runtime:2.52.0';
export const ESPV2_PORT = 8080;
export const ESPV2_HEALTH_PATH = '/healthz';
/** GatewayClass of the global external Application Load Balancer (GKE Gateway controller). */
export const GATEWAY_CLASS = 'gke-l7-global-external-managed';
/** Longest connection draining the load balancer accepts, seconds. */
export const GCLB_MAX_DRAINING_SECONDS = 3600;
/** Placeholder tokens substituted at deployment (see kube.substitute). */
export const PROXY_SA_EMAIL = '${modelplane:proxy-sa-email}';
export const ENDPOINTS_SERVICE = '${modelplane:endpoints-service}';

/** The cloud side of the front door. */
export interface FrontDoorCloud {
  readonly address: gcp.compute.GlobalAddress;
  readonly endpointsService: gcp.endpoints.Service;
  readonly endpointsEnabled: gcp.projects.Service;
  readonly certificate: gcp.certificatemanager.Certificate;
  /**
   * DNS authorization of a custom domain: the certificate renews whichever cloud the domain's DNS points at
   * (a failover host name). Its `dnsResourceRecords` must be created in the domain's zone.
   */
  readonly dnsAuthorization?: gcp.certificatemanager.DnsAuthorization;
  readonly certificateMap: gcp.certificatemanager.CertificateMap;
  readonly certificateMapEntry: gcp.certificatemanager.CertificateMapEntry;
  readonly proxyIdentity: BoundIdentity;
  readonly proxyServiceControl: gcp.endpoints.ServiceIamMember;
  /** Host clients call. */
  readonly domain: pulumi.Output<string>;
}

/** Namespace of the proxy (and the GMP query frontend): separate from the workload so its NetworkPolicy names it. */
export function edgeNamespace(ctx: Ctx): string {
  return `${ctx.r.names.namespace}-edge`;
}

/** Label that lets the edge namespace through the workload's NetworkPolicy. */
export function edgeNamespaceLabels(ctx: Ctx): Record<string, string> {
  return { 'modelplane.io/edge-of': ctx.r.service.name };
}

export function createFrontDoorCloud(ctx: Ctx, options: GcpFrontDoor | undefined): FrontDoorCloud {
  const { r, project, parent } = ctx;
  const opts = { parent };
  const address = new gcp.compute.GlobalAddress(child(ctx, 'ip'), { project, name: r.names.resource('ip'), addressType: 'EXTERNAL', ipVersion: 'IPV4' }, opts);
  const serviceName = pulumi.interpolate`${r.names.prefix}.endpoints.${project}.cloud.goog`;
  const domain = options?.domain !== undefined ? pulumi.output(options.domain) : serviceName;
  const backendAddress = `http://${r.names.workload}.${r.names.namespace}.svc.cluster.local:${r.service.spec.runtime.port}`;
  const openapiConfig = pulumi.all([serviceName, address.address]).apply(([name, ip]) =>
    buildOpenApi({ title: r.names.prefix, serviceName: name, address: ip, auth: r.auth, backendAddress, deadlineSeconds: r.timing.upstreamTimeoutSeconds }),
  );
  const endpointsService = new gcp.endpoints.Service(child(ctx, 'endpoints'), { project, serviceName, openapiConfig }, opts);
  // API keys are only accepted for a service enabled in the consumer project.
  const endpointsEnabled = new gcp.projects.Service(child(ctx, 'endpoints-enabled'), { project, service: endpointsService.serviceName, disableOnDestroy: false }, opts);
  const dnsAuthorization =
    options?.domain !== undefined
      ? new gcp.certificatemanager.DnsAuthorization(child(ctx, 'dns-auth'), { project, name: r.names.resource('dns-auth'), domain: options.domain }, opts)
      : undefined;
  const certificate = new gcp.certificatemanager.Certificate(
    child(ctx, 'cert'),
    { project, name: r.names.resource('cert'), scope: 'DEFAULT', managed: { domains: [domain], ...(dnsAuthorization ? { dnsAuthorizations: [dnsAuthorization.id] } : {}) } },
    opts,
  );
  const certificateMap = new gcp.certificatemanager.CertificateMap(child(ctx, 'certmap'), { project, name: r.names.resource('certmap') }, opts);
  const certificateMapEntry = new gcp.certificatemanager.CertificateMapEntry(
    child(ctx, 'certmap-entry'),
    { project, name: r.names.resource('cert-entry'), map: certificateMap.name, certificates: [certificate.id], hostname: domain },
    opts,
  );
  const proxyIdentity = boundIdentity(ctx, 'proxy', r.names.proxyAccount, edgeNamespace(ctx), r.names.proxy, `modelplane ${r.service.name} ESPv2 proxy`);
  const proxyServiceControl = new gcp.endpoints.ServiceIamMember(
    child(ctx, 'proxy-service-control'),
    { serviceName: endpointsService.serviceName, role: 'roles/servicemanagement.serviceController', member: pulumi.interpolate`serviceAccount:${proxyIdentity.account.email}` },
    opts,
  );
  return { address, endpointsService, endpointsEnabled, certificate, dnsAuthorization, certificateMap, certificateMapEntry, proxyIdentity, proxyServiceControl, domain };
}

/**
 * The Kubernetes side: ESPv2 Deployment and Service in the edge namespace, a Gateway (HTTPS, Certificate
 * Manager map, the reserved address), an HTTPRoute stripping the base path, a GCPBackendPolicy whose
 * `timeoutSec` carries the request timeout (the load balancer's default of 30 s would cut streams) and a
 * HealthCheckPolicy on ESPv2's health path.
 */
export function frontDoorManifests(ctx: Ctx, cloud: { addressName: string; certificateMapName: string; domain: string }, iap: GcpFrontDoor['iap']): Manifest[] {
  const { r } = ctx;
  const ns = edgeNamespace(ctx);
  const t = r.timing;
  const labels = { 'app.kubernetes.io/name': r.names.proxy, 'app.kubernetes.io/part-of': r.service.name, 'app.kubernetes.io/managed-by': 'modelplane' };
  const proxyTimeout = t.upstreamTimeoutSeconds;
  const podSecurity = { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { ...edgeNamespaceLabels(ctx), 'app.kubernetes.io/managed-by': 'modelplane' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: r.names.proxy, namespace: ns, labels, annotations: { 'iam.gke.io/gcp-service-account': PROXY_SA_EMAIL } } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: r.names.proxy, namespace: ns, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': r.names.proxy } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: r.names.proxy,
            // Drain: the load balancer stops sending, then the longest stream completes.
            terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
            securityContext: podSecurity,
            nodeSelector: { 'modelplane.dev/pool': 'system' },
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/name': r.names.proxy } } }],
            containers: [
              {
                name: 'esp',
                image: ESPV2_IMAGE,
                args: [
                  `--listener_port=${ESPV2_PORT}`,
                  `--service=${ENDPOINTS_SERVICE}`,
                  '--rollout_strategy=managed',
                  `--healthz=${ESPV2_HEALTH_PATH}`,
                  // A buffered (non-streaming) response sends nothing until it is complete: idle ≥ the request timeout.
                  `--stream_idle_timeout=${proxyTimeout}s`,
                  '--disable_tracing',
                ],
                ports: [{ name: 'http', containerPort: ESPV2_PORT, protocol: 'TCP' }],
                readinessProbe: { httpGet: { path: ESPV2_HEALTH_PATH, port: ESPV2_PORT }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
                livenessProbe: { httpGet: { path: ESPV2_HEALTH_PATH, port: ESPV2_PORT }, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 4 },
                lifecycle: { preStop: { sleep: { seconds: t.preStopSleepSeconds } } },
                resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } },
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: r.names.proxy, namespace: ns, labels },
      spec: { type: 'ClusterIP', selector: { 'app.kubernetes.io/name': r.names.proxy }, ports: [{ name: 'http', port: ESPV2_PORT, targetPort: 'http', protocol: 'TCP' }] },
    },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: r.names.proxy, namespace: ns, labels }, spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': r.names.proxy } } } },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: r.names.proxy, namespace: ns, labels, annotations: { 'networking.gke.io/certmap': cloud.certificateMapName } },
      spec: {
        gatewayClassName: GATEWAY_CLASS,
        listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, allowedRoutes: { namespaces: { from: 'Same' } } }],
        addresses: [{ type: 'NamedAddress', value: cloud.addressName }],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: r.names.proxy, namespace: ns, labels },
      spec: {
        parentRefs: [{ name: r.names.proxy, sectionName: 'https' }],
        hostnames: [cloud.domain],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: r.service.spec.api.path } }],
            ...(r.service.spec.api.path === '/' ? {} : { filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }] }),
            backendRefs: [{ name: r.names.proxy, port: ESPV2_PORT }],
          },
        ],
      },
    },
    {
      apiVersion: 'networking.gke.io/v1',
      kind: 'GCPBackendPolicy',
      metadata: { name: r.names.proxy, namespace: ns, labels },
      spec: {
        targetRef: { group: '', kind: 'Service', name: r.names.proxy },
        default: {
          timeoutSec: proxyTimeout,
          connectionDraining: { drainingTimeoutSec: Math.min(GCLB_MAX_DRAINING_SECONDS, proxyTimeout) },
          logging: { enabled: true, sampleRate: 1_000_000 },
          ...(iap ? { iap: { enabled: true, clientID: iap.clientId, oauth2ClientSecret: { name: iap.oauthClientSecretName } } } : {}),
        },
      },
    },
    {
      apiVersion: 'networking.gke.io/v1',
      kind: 'HealthCheckPolicy',
      metadata: { name: r.names.proxy, namespace: ns, labels },
      spec: {
        targetRef: { group: '', kind: 'Service', name: r.names.proxy },
        default: { config: { type: 'HTTP', httpHealthCheck: { port: ESPV2_PORT, requestPath: ESPV2_HEALTH_PATH } } },
      },
    },
  ];
}
