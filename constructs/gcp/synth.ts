import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Placement, Plan, ServicePlan } from '../../lib/plan';
import { GcpModelService } from './model-service';
import { runUnderMocks, CapturedResource } from './private/mock-run';
import type { GcpModelServiceArgs } from './types';

export interface SynthGcpOptions {
  /** Project id written into the inventory. @default 'example-project' */
  readonly project?: string;
  /** Extra component args (existing cluster or network, add-ons, front door) applied to every service. @default - none */
  readonly args?: Partial<Omit<GcpModelServiceArgs, 'service' | 'placement' | 'project'>>;
}

/** One resource of the inventory: what `pulumi preview` would list, with its inputs. */
export interface InventoryEntry {
  readonly type: string;
  readonly name: string;
  readonly parent: string | null;
  readonly inputs: unknown;
}

export interface GcpInventory {
  readonly service: string;
  readonly placement: string;
  readonly project: string;
  readonly resourceCount: number;
  readonly resources: readonly InventoryEntry[];
}

const DEFAULT_PROJECT = 'example-project';

/**
 * Runs GcpModelService for one service placement under Pulumi mocks (no CLI, plugins or credentials) and
 * returns the resources it registers, sorted by type then name, inputs with sorted keys. Deterministic.
 */
export async function gcpInventory(service: ServicePlan, placement: Placement, options: SynthGcpOptions = {}): Promise<GcpInventory> {
  const project = options.project ?? DEFAULT_PROJECT;
  const name = `${service.name}-${placement.id}`;
  const captured = await runUnderMocks((opts) => {
    new GcpModelService(name, { ...options.args, service, placement, project }, opts);
  }, project);
  const resources = captured.map(toEntry).sort((a, b) => (a.type === b.type ? cmp(a.name, b.name) : cmp(a.type, b.type)));
  return { service: service.name, placement: placement.id, project, resourceCount: resources.length, resources };
}

/**
 * For each GCP placement of the plan, writes `<outDir>/<service>-<placementId>.json`: the resource inventory
 * the Pulumi program would create (type, name, parent, inputs — never secret values). Same plan, same bytes.
 */
export async function synthGcp(plan: Plan, outDir: string, options: SynthGcpOptions = {}): Promise<{ files: string[] }> {
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const service of plan.services) {
    for (const placement of service.placements.filter((p) => p.cloud === 'gcp')) {
      const inventory = await gcpInventory(service, placement, options);
      const file = path.join(outDir, `${service.name}-${placement.id}.json`);
      fs.writeFileSync(file, `${JSON.stringify(inventory, null, 2)}\n`);
      files.push(file);
    }
  }
  return { files };
}

function toEntry(c: CapturedResource): InventoryEntry {
  return { type: c.type, name: c.name, parent: c.parent ?? null, inputs: sortKeys(c.inputs) };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
