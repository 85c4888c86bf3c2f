import { engineInvocation } from '../../../lib/workload/engine-args';
import { downloadStep } from '../../../lib/workload/download';
import { resolveSecretRefs } from '../../../lib/workload/secret-refs';
import type { ProbeTiming } from '../../../lib/workload/timing';
import type { ContainerSecurityContext, ContainerSpec, EnvVar, HttpProbe, PodTemplateSpec, ResourceList, Volume } from '../types';
import { ChartContext, cpu, gi } from './context';

/** Volume names (stable: they appear in mounts). */
export const VOLUMES = { cache: 'model-cache', tmp: 'tmp', shm: 'dshm' } as const;

/** The restricted-profile container security context every container gets. */
export function restrictedContainer(ctx: ChartContext): ContainerSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: ctx.layout.runAsUser,
    runAsGroup: ctx.layout.runAsGroup,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function probe(path: string, t: ProbeTiming): HttpProbe {
  return {
    httpGet: { path, port: 'http', scheme: 'HTTP' },
    periodSeconds: t.periodSeconds,
    timeoutSeconds: t.timeoutSeconds,
    failureThreshold: Math.ceil(t.failureThreshold),
    successThreshold: 1,
    initialDelaySeconds: t.initialDelaySeconds,
  };
}

function env(values: Readonly<Record<string, string>>): EnvVar[] {
  return Object.keys(values)
    .sort()
    .map((name) => ({ name, value: values[name] as string }));
}

/**
 * The pod: one serving container (plus a bucket copy init container for s3:// and gs:// sources), the GPU
 * limit from the plan, probes and grace from the derived timing, writable paths as volumes, restricted
 * security, flavour node selection and GPU tolerations, spread over zones and hosts.
 */
export function podTemplate(ctx: ChartContext): PodTemplateSpec {
  const { service, placement, layout, timing } = ctx;
  const rt = service.spec.runtime;
  const inv = engineInvocation(service, placement);
  const dl = downloadStep(service, placement);
  const secrets = resolveSecretRefs(service, secretCloud(ctx));

  const resources: ResourceList = {
    cpu: cpu(placement.pod.cpu),
    memory: gi(placement.pod.memoryGiB),
    'ephemeral-storage': gi(layout.ephemeralStorageGiB),
    'nvidia.com/gpu': String(placement.gpu.count),
  };
  const mounts = [
    { name: VOLUMES.cache, mountPath: layout.cacheMountPath },
    { name: VOLUMES.tmp, mountPath: '/tmp' },
    { name: VOLUMES.shm, mountPath: '/dev/shm' },
  ];
  const ports = [
    { name: 'http', containerPort: rt.port, protocol: 'TCP' as const },
    ...(ctx.metricsPortName === 'metrics' ? [{ name: 'metrics', containerPort: ctx.metricsPort, protocol: 'TCP' as const }] : []),
  ];

  const server: ContainerSpec = {
    name: 'server',
    image: rt.image,
    imagePullPolicy: 'IfNotPresent',
    ...(inv.command ? { command: [...inv.command] } : {}),
    args: [...inv.args],
    env: [
      ...env({ ...inv.env, ...rt.env, ...layout.identityEnv }),
      ...secrets.map((s) => ({ name: s.env, valueFrom: { secretKeyRef: { name: s.targetName, key: s.targetKey, optional: false } } })),
    ],
    ports,
    resources: { requests: resources, limits: resources },
    startupProbe: probe(rt.healthPath, timing.startupProbe),
    readinessProbe: probe(rt.healthPath, timing.readinessProbe),
    livenessProbe: probe(rt.livenessPath, timing.livenessProbe),
    // Kubernetes ≥ 1.30 sleep action: no shell needed in the image.
    lifecycle: { preStop: { sleep: { seconds: timing.preStopSleepSeconds } } },
    securityContext: restrictedContainer(ctx),
    volumeMounts: mounts,
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };

  const init: ContainerSpec[] = dl
    ? [
        {
          name: `download-${dl.kind}`,
          image: dl.image,
          imagePullPolicy: 'IfNotPresent',
          command: [...dl.command],
          args: [...dl.args],
          env: env(dl.env),
          resources: {
            requests: { cpu: cpu(dl.cpu), memory: gi(dl.memoryGiB), 'ephemeral-storage': gi(layout.ephemeralStorageGiB) },
            limits: { cpu: cpu(dl.cpu), memory: gi(dl.memoryGiB), 'ephemeral-storage': gi(layout.ephemeralStorageGiB) },
          },
          securityContext: restrictedContainer(ctx),
          volumeMounts: [
            { name: VOLUMES.cache, mountPath: layout.cacheMountPath },
            { name: VOLUMES.tmp, mountPath: '/tmp' },
          ],
          terminationMessagePolicy: 'FallbackToLogsOnError',
        },
      ]
    : [];

  const volumes: Volume[] = [
    { name: VOLUMES.cache, emptyDir: { sizeLimit: gi(layout.cacheGiB) } },
    { name: VOLUMES.tmp, emptyDir: { sizeLimit: gi(layout.tmpGiB) } },
    { name: VOLUMES.shm, emptyDir: { medium: 'Memory', sizeLimit: gi(layout.shmGiB) } },
  ];

  return {
    metadata: {
      labels: { ...ctx.labels },
      annotations: {
        // The model cache is an emptyDir: the cluster autoscaler may still remove the node when idle.
        'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true',
        // Lets `kubectl logs` pick the server, not the download step.
        'kubectl.kubernetes.io/default-container': 'server',
      },
    },
    spec: {
      serviceAccountName: ctx.names.workload,
      // No Kubernetes API token in the pod: IRSA and EKS Pod Identity inject their own projected token
      // through their admission webhook, GKE Workload Identity authenticates the pod by its metadata-server
      // identity, and ExternalSecrets are resolved by the ESO controller, not the pod.
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: timing.terminationGracePeriodSeconds,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: layout.runAsUser,
        runAsGroup: layout.runAsGroup,
        fsGroup: layout.fsGroup,
        fsGroupChangePolicy: 'OnRootMismatch',
        seccompProfile: { type: 'RuntimeDefault' },
      },
      nodeSelector: { ...ctx.cluster.nodeSelector },
      tolerations: [...ctx.cluster.tolerations],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: ctx.selector }, matchLabelKeys: ['pod-template-hash'] },
        // Replicas on distinct GPU nodes: one node failure never takes two replicas (the cluster autoscaler adds nodes).
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: ctx.selector }, matchLabelKeys: ['pod-template-hash'] },
      ],
      ...(init.length > 0 ? { initContainers: init } : {}),
      containers: [server],
      volumes,
    },
  };
}

/** The cloud whose naming rules the secret store follows (GCP ids have no '/'). */
export function secretCloud(ctx: ChartContext): 'aws' | 'gcp' | undefined {
  const s = ctx.cluster.secretStore;
  if (s.kind !== 'existing') return s.kind;
  return ctx.cluster.flavor === 'gke' ? 'gcp' : ctx.cluster.flavor === 'eks' ? 'aws' : undefined;
}
