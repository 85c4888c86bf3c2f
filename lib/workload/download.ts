import type { Placement, ServicePlan } from '../plan/types';
import { engineInvocation, WEIGHTS_DIR } from './engine-args';

/**
 * Pinned images of the bucket copy step. Bumped deliberately, with the changelog.
 * - aws-cli: the official AWS CLI v2 image on ECR Public (entrypoint `aws`).
 * - google-cloud-cli: the official Debian-based gcloud image, `VERSION-stable` tag (gcloud storage).
 */
export const DOWNLOAD_IMAGES = {
  s3: 'public.ecr.aws/aws-cli/aws-cli:2.32.3',
  gs: 'gcr.io/google.com/cloudsdktool/google-cloud-cli:572.0.0-stable',
} as const;

/** The step that copies weights from a bucket into the model cache before the server starts. */
export interface DownloadStep {
  readonly kind: 's3' | 'gs';
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Where the weights land (inside the cache volume). */
  readonly targetDir: string;
  /** CPU and memory of the copy step (it streams; it does not need the server's share). */
  readonly cpu: number;
  readonly memoryGiB: number;
}

/**
 * The copy step for s3:// and gs:// sources, undefined for hub and image sources. Credentials come from
 * workload identity (IRSA / EKS Pod Identity on AWS, GKE Workload Identity on GCP): no keys in the pod.
 * `sync`/`rsync` make a restart after a partial copy resume instead of starting over.
 */
export function downloadStep(service: ServicePlan, placement: Placement): DownloadStep | undefined {
  const inv = engineInvocation(service, placement);
  if (!inv.download) return undefined;
  const cpu = Math.min(2, placement.pod.cpu);
  const memoryGiB = Math.min(4, placement.pod.memoryGiB);
  if (inv.download.kind === 's3') {
    return {
      kind: 's3',
      image: DOWNLOAD_IMAGES.s3,
      command: ['aws'],
      args: ['s3', 'sync', inv.download.uri, WEIGHTS_DIR, '--no-progress', '--only-show-errors'],
      env: { HOME: '/tmp', AWS_REGION: placement.cloud === 'aws' ? placement.region : 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
      targetDir: WEIGHTS_DIR,
      cpu,
      memoryGiB,
    };
  }
  return {
    kind: 'gs',
    image: DOWNLOAD_IMAGES.gs,
    command: ['gcloud'],
    args: ['storage', 'rsync', '--recursive', inv.download.uri, WEIGHTS_DIR],
    env: { HOME: '/tmp', CLOUDSDK_CONFIG: '/tmp/gcloud', CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
    targetDir: WEIGHTS_DIR,
    cpu,
    memoryGiB,
  };
}
