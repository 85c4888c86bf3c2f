import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { ExistingGcpNetwork } from '../types';
import { child, Ctx } from './context';

/** Address plan of a network modelplane creates (RFC 1918, sized for hundreds of GPU nodes). */
export const NETWORK_RANGES = {
  nodes: '10.10.0.0/20',
  pods: '10.16.0.0/14',
  services: '10.20.0.0/20',
  /** /28 for the GKE control plane's private endpoint. */
  master: '172.16.0.0/28',
} as const;

export interface OwnedNetwork {
  readonly network: gcp.compute.Network;
  readonly subnetwork: gcp.compute.Subnetwork;
  readonly router: gcp.compute.Router;
  readonly nat: gcp.compute.RouterNat;
}

/** What the cluster needs from a network, owned or given. */
export interface NetworkRef {
  readonly network: pulumi.Input<string>;
  readonly subnetwork: pulumi.Input<string>;
  readonly podsRangeName: string;
  readonly servicesRangeName: string;
}

/**
 * A custom-mode VPC with one regional subnetwork (Private Google Access on, Pod and Service secondary ranges),
 * a Cloud Router and Cloud NAT: private nodes have no external address and pull images and model weights
 * through NAT.
 */
export function createNetwork(ctx: Ctx): OwnedNetwork {
  const { r, project, parent } = ctx;
  const n = (role: string) => child(ctx, role);
  const opts = { parent };
  const network = new gcp.compute.Network(n('vpc'), { project, autoCreateSubnetworks: false, routingMode: 'REGIONAL', description: `modelplane ${r.service.name}` }, opts);
  const subnetwork = new gcp.compute.Subnetwork(
    n('subnet'),
    {
      project,
      region: r.placement.region,
      network: network.id,
      ipCidrRange: NETWORK_RANGES.nodes,
      privateIpGoogleAccess: true,
      secondaryIpRanges: [
        { rangeName: 'pods', ipCidrRange: NETWORK_RANGES.pods },
        { rangeName: 'services', ipCidrRange: NETWORK_RANGES.services },
      ],
      logConfig: { aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' },
    },
    opts,
  );
  const router = new gcp.compute.Router(n('router'), { project, region: r.placement.region, network: network.id }, opts);
  const nat = new gcp.compute.RouterNat(
    n('nat'),
    {
      project,
      region: r.placement.region,
      router: router.name,
      natIpAllocateOption: 'AUTO_ONLY',
      sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
      logConfig: { enable: true, filter: 'ERRORS_ONLY' },
    },
    opts,
  );
  return { network, subnetwork, router, nat };
}

export function networkRef(owned: OwnedNetwork | undefined, given: ExistingGcpNetwork | undefined): NetworkRef {
  if (given) return given;
  if (!owned) throw new Error('modelplane bug: no network');
  return { network: owned.network.id, subnetwork: owned.subnetwork.id, podsRangeName: 'pods', servicesRangeName: 'services' };
}
