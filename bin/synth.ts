import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../lib/catalog/offering';
import { ERROR_CODES, ModelplaneError } from '../lib/errors';
import { planPlatform, planToJson, Plan } from '../lib/plan';
import { renderReportHtml } from '../lib/report';
import { loadPlatformFile } from '../lib/spec';
import type { CommandContext } from './commands';

export const TARGETS = ['k8s', 'aws', 'gcp'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * `modelplane synth`: validates and plans first (nothing is written for an invalid platform), then
 * synthesizes each target into a temporary folder beside `--out`, and moves it into place only when every
 * target succeeded — never a partial output.
 */
export async function synthCommand({ positionals, flags, io }: CommandContext, catalog: Catalog | undefined): Promise<number> {
  const target = typeof flags.target === 'string' ? flags.target : 'all';
  if (target !== 'all' && !(TARGETS as readonly string[]).includes(target)) {
    throw new ModelplaneError([{ code: ERROR_CODES.INVALID_VALUE, path: '--target', message: 'is not a target', received: JSON.stringify(target), allowed: 'k8s, aws, gcp, all', fix: 'use --target k8s, aws, gcp or all' }], 'Invalid option');
  }
  const targets: Target[] = target === 'all' ? [...TARGETS] : [target as Target];
  const out = path.resolve(typeof flags.out === 'string' ? flags.out : 'out');
  const platform = loadPlatformFile(positionals[0] as string, { catalog });
  const plan = planPlatform(platform);

  const staging = `${out}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const started = Date.now();
    fs.writeFileSync(path.join(staging, 'plan.json'), `${JSON.stringify(planToJson(plan), null, 2)}\n`);
    fs.writeFileSync(path.join(staging, 'report.html'), renderReportHtml(plan, `modelplane platform ${platform.name}`));
    const counts: string[] = [];
    for (const t of targets) {
      io.progress(`synth ${t}: ${describe(plan, t)}…`);
      const t0 = Date.now();
      const files = await synthTarget(t, plan, path.join(staging, t), platform.name);
      counts.push(`${t}: ${files} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(staging, out);
    io.out(`✓ synthesized ${plan.services.length} services into ${path.relative(process.cwd(), out) || '.'} (${counts.join('; ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

function describe(plan: Plan, t: Target): string {
  const n = t === 'k8s' ? plan.services.reduce((s, x) => s + x.placements.length, 0) : plan.services.reduce((s, x) => s + x.placements.filter((p) => p.cloud === t).length, 0);
  return `${n} placement${n === 1 ? '' : 's'}`;
}

async function synthTarget(t: Target, plan: Plan, dir: string, platformName: string): Promise<number> {
  // Targets load lazily: `validate` and `plan` never pay for aws-cdk-lib or Pulumi.
  switch (t) {
    case 'k8s': {
      const { synthK8s } = require('../constructs/k8s/synth') as typeof import('../constructs/k8s/synth');
      return synthK8s(plan, dir).files.length;
    }
    case 'aws': {
      const { synthAws } = require('../constructs/aws/synth') as typeof import('../constructs/aws/synth');
      return synthAws(plan, dir, { platformName }).files.length;
    }
    case 'gcp': {
      const { synthGcp } = require('../constructs/gcp/synth') as typeof import('../constructs/gcp/synth');
      return (await synthGcp(plan, dir)).files.length;
    }
  }
}
