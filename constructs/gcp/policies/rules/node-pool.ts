import { at, NODE_POOL, resourceRule } from '../rule';

const TYPES = [NODE_POOL];

export const nodePoolGkeMetadata = resourceRule('gke-node-metadata-server', 'Pods see the GKE metadata server (Workload Identity), not the node identity.', TYPES, (p) =>
  at(p, 'nodeConfig.workloadMetadataConfig.mode') === 'GKE_METADATA' ? [] : ['Set nodeConfig.workloadMetadataConfig.mode = GKE_METADATA.'],
);

export const nodePoolSecureBoot = resourceRule('gke-node-secure-boot', 'Nodes boot with Secure Boot.', TYPES, (p) =>
  at(p, 'nodeConfig.shieldedInstanceConfig.enableSecureBoot') === true ? [] : ['Set nodeConfig.shieldedInstanceConfig.enableSecureBoot = true.'],
);

export const nodePoolDedicatedServiceAccount = resourceRule('gke-node-dedicated-sa', 'Nodes run as a dedicated least-privilege service account, never the Compute Engine default.', TYPES, (p) => {
  const sa = at(p, 'nodeConfig.serviceAccount');
  if (typeof sa !== 'string' || sa === '' || sa === 'default') return ['Set nodeConfig.serviceAccount to a dedicated service account (the default is the Compute Engine default account, Editor on the project).'];
  return /-compute@developer\.gserviceaccount\.com$/.test(sa) ? [`${sa} is the Compute Engine default service account: use a dedicated one.`] : [];
});

export const nodePoolGpuDriver = resourceRule('gke-gpu-driver-explicit', 'GPU node pools state how the NVIDIA driver is installed.', TYPES, (p) => {
  const accelerators = at(p, 'nodeConfig.guestAccelerators');
  if (!Array.isArray(accelerators)) return [];
  return accelerators.flatMap((a, i) => {
    const v = at(a, 'gpuDriverInstallationConfig.gpuDriverVersion');
    return v === 'DEFAULT' || v === 'LATEST' ? [] : [`guestAccelerators[${i}] (${String(at(a, 'type'))}): set gpuDriverInstallationConfig.gpuDriverVersion to DEFAULT or LATEST (received ${JSON.stringify(v)}).`];
  });
});
