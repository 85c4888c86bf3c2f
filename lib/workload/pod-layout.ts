import type { Placement, ServicePlan } from '../plan/types';
import { CACHE_MOUNT_PATH } from './engine-args';

/**
 * How one replica's pod uses its node: writable volumes, shared memory and the identity it runs as.
 * Kubernetes targets render it as emptyDir volumes and a securityContext; the AWS and GCP targets size node
 * disks from `ephemeralStorageGiB`.
 */
export interface PodLayout {
  /** Model cache (emptyDir on the node disk, mounted at CACHE_MOUNT_PATH), GiB: the requirement's cacheDiskGiB. */
  readonly cacheGiB: number;
  /** Scratch space mounted at /tmp (torch inductor, triton kernel caches, sockets), GiB. */
  readonly tmpGiB: number;
  /**
   * Memory-backed /dev/shm, GiB. PyTorch/NCCL move tensors between tensor-parallel workers through shared
   * memory; the container runtime's 64 MiB default makes vLLM and TGI fail with more than one GPU.
   * It counts against the pod's memory limit, so it is a bounded share of it.
   */
  readonly shmGiB: number;
  /**
   * Ephemeral storage each replica requests and is limited to: the cache, scratch, and container logs plus
   * writable layer. The kubelet evicts a pod whose emptyDirs and logs exceed this, so it must cover all of them.
   */
  readonly ephemeralStorageGiB: number;
  /** Non-root identity of every container (the restricted Pod Security profile forbids root). */
  readonly runAsUser: number;
  readonly runAsGroup: number;
  /** Group owning the volumes, so the non-root user can write the cache. */
  readonly fsGroup: number;
  /**
   * Environment for running as an arbitrary non-root uid that has no /etc/passwd entry: Python's
   * getpass.getuser() (used by torch inductor for its cache directory) reads USER/LOGNAME first.
   */
  readonly identityEnv: Readonly<Record<string, string>>;
  readonly cacheMountPath: string;
}

/** Scratch space for /tmp. */
export const TMP_GIB = 4;
/** Container logs and writable layer allowance inside the ephemeral-storage limit. */
export const LOGS_GIB = 2;
/** Non-root uid/gid every container runs as (the NVIDIA Triton image's own user is 1000 too). */
export const RUN_AS_ID = 1000;

/**
 * Pod layout for a placement: /dev/shm is 1 GiB for one GPU (tokenizer workers, pinned buffers) and
 * 4 GiB per GPU with tensor parallelism, never more than a quarter of the pod's memory.
 */
export function podLayout(service: ServicePlan, placement: Placement): PodLayout {
  const cacheGiB = Math.max(1, Math.ceil(service.requirement.cacheDiskGiB));
  const wantedShm = placement.gpu.count > 1 ? 4 * placement.gpu.count : 1;
  const shmGiB = Math.max(1, Math.min(wantedShm, Math.floor(placement.pod.memoryGiB / 4)));
  const base = Math.max(placement.pod.ephemeralStorageGiB, cacheGiB);
  return {
    cacheGiB,
    tmpGiB: TMP_GIB,
    shmGiB,
    ephemeralStorageGiB: Math.ceil(base) + TMP_GIB + LOGS_GIB,
    runAsUser: RUN_AS_ID,
    runAsGroup: RUN_AS_ID,
    fsGroup: RUN_AS_ID,
    identityEnv: { USER: 'modelplane', LOGNAME: 'modelplane' },
    cacheMountPath: CACHE_MOUNT_PATH,
  };
}
