export { GcpModelService } from './model-service';
export type { GcpModelServiceArgs, ExistingGkeCluster, ExistingGcpNetwork, GcpAddons, GcpFrontDoor, IapClient } from './types';
export { synthGcp, gcpInventory } from './synth';
export type { SynthGcpOptions, InventoryEntry, GcpInventory } from './synth';
