/**
 * The subset of Kubernetes core types the chart writes, as readonly interfaces (field names as in the
 * Kubernetes API). Quantities are strings such as "8Gi"; counts are numbers.
 */

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
}

export interface ResourceList {
  readonly cpu: string;
  readonly memory: string;
  readonly 'ephemeral-storage': string;
  readonly 'nvidia.com/gpu'?: string;
}

export interface HttpProbe {
  readonly httpGet: { readonly path: string; readonly port: string; readonly scheme: 'HTTP' };
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
  readonly successThreshold: number;
  readonly initialDelaySeconds: number;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string; readonly optional: boolean } };
}

export interface ContainerSecurityContext {
  readonly runAsNonRoot: true;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly allowPrivilegeEscalation: false;
  readonly readOnlyRootFilesystem: true;
  readonly privileged: false;
  readonly capabilities: { readonly drop: readonly ['ALL'] };
  readonly seccompProfile: { readonly type: 'RuntimeDefault' };
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly imagePullPolicy: 'IfNotPresent';
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env: readonly EnvVar[];
  readonly ports?: ReadonlyArray<{ readonly name: string; readonly containerPort: number; readonly protocol: 'TCP' }>;
  readonly resources: { readonly requests: ResourceList; readonly limits: ResourceList };
  readonly startupProbe?: HttpProbe;
  readonly readinessProbe?: HttpProbe;
  readonly livenessProbe?: HttpProbe;
  readonly lifecycle?: { readonly preStop: { readonly sleep: { readonly seconds: number } } | { readonly exec: { readonly command: readonly string[] } } };
  readonly securityContext: ContainerSecurityContext;
  readonly volumeMounts: ReadonlyArray<{ readonly name: string; readonly mountPath: string; readonly readOnly?: boolean }>;
  readonly terminationMessagePolicy: 'FallbackToLogsOnError';
}

export interface Toleration {
  readonly key: string;
  readonly operator: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
}

export interface TopologySpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'ScheduleAnyway' | 'DoNotSchedule';
  readonly labelSelector: LabelSelector;
  readonly matchLabelKeys?: readonly string[];
}

export interface Volume {
  readonly name: string;
  readonly emptyDir: { readonly medium?: 'Memory'; readonly sizeLimit: string };
}

export interface PodSpec {
  readonly serviceAccountName: string;
  readonly automountServiceAccountToken: boolean;
  readonly enableServiceLinks: false;
  readonly terminationGracePeriodSeconds: number;
  readonly securityContext: {
    readonly runAsNonRoot: true;
    readonly runAsUser: number;
    readonly runAsGroup: number;
    readonly fsGroup: number;
    readonly fsGroupChangePolicy: 'OnRootMismatch';
    readonly seccompProfile: { readonly type: 'RuntimeDefault' };
  };
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  readonly topologySpreadConstraints: readonly TopologySpreadConstraint[];
  readonly initContainers?: readonly ContainerSpec[];
  readonly containers: readonly ContainerSpec[];
  readonly volumes: readonly Volume[];
}

export interface PodTemplateSpec {
  readonly metadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: PodSpec;
}

export interface ServicePort {
  readonly name: string;
  readonly port: number;
  readonly targetPort: string;
  readonly protocol: 'TCP';
  readonly appProtocol?: string;
}

export interface NetworkPolicyPeer {
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
}

export interface NetworkPolicyPort {
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number | string;
}
