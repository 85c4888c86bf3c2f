import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildAwsApp } from '../../constructs/aws/synth';
import { gcpInventory } from '../../constructs/gcp/synth';
import { k8sRenderings } from '../../constructs/k8s/synth';
import type { Plan } from '../../lib/plan';

/**
 * The identities a deployed platform is bound to: CloudFormation logical IDs per stack, Kubernetes
 * objects (kind/namespace/name per rendering) and Pulumi URNs. Changing any of them replaces the resource
 * (a cluster, a node pool, a secret binding) — so they are recorded in the repository and compared.
 */
export interface Identities {
  readonly aws: Record<string, string[]>;
  readonly k8s: Record<string, string[]>;
  readonly gcp: Record<string, string[]>;
}

export const PULUMI_STACK = 'dev';
export const PULUMI_PROJECT = 'modelplane';

export async function collectIdentities(plan: Plan, platformName: string): Promise<Identities> {
  const k8s: Record<string, string[]> = {};
  for (const r of k8sRenderings(plan)) {
    k8s[r.dir] = r.manifests
      .map((m) => {
        const meta = (m as { metadata?: { name?: string; namespace?: string } }).metadata ?? {};
        return `${String((m as { kind?: string }).kind)}/${meta.namespace ?? '-'}/${meta.name ?? '?'}`;
      })
      .sort();
  }

  const aws: Record<string, string[]> = {};
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-ids-'));
  try {
    const { app, stacks } = buildAwsApp(plan, { platformName, nag: false, outdir });
    const assembly = app.synth();
    for (const s of stacks) {
      const template = JSON.parse(fs.readFileSync(path.join(assembly.directory, assembly.getStackByName(s.stackName).templateFile), 'utf8')) as { Resources?: Record<string, { Type: string }> };
      aws[s.stackName] = Object.entries(template.Resources ?? {})
        .map(([id, r]) => `${id} ${r.Type}`)
        .sort();
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }

  const gcp: Record<string, string[]> = {};
  for (const service of plan.services) {
    for (const placement of service.placements) {
      if (placement.cloud !== 'gcp') continue;
      const inv = await gcpInventory(service, placement);
      const typeOf = new Map(inv.resources.map((r) => [r.name, r.type]));
      const parentOf = new Map(inv.resources.map((r) => [r.name, r.parent]));
      const chain = (name: string): string[] => {
        const parent = parentOf.get(name);
        const own = typeOf.get(name) ?? '?';
        return parent ? [...chain(parent), own] : [own];
      };
      gcp[`${service.name}-${placement.id}`] = inv.resources.map((r) => `urn:pulumi:${PULUMI_STACK}::${PULUMI_PROJECT}::${chain(r.name).join('$')}::${r.name}`).sort();
    }
  }
  return { aws, k8s, gcp };
}
