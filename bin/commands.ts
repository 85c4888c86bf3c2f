import { resolveCatalog } from '../lib/catalog/custom';
import { catalogToJson, formatCatalogTable } from '../lib/catalog/format';
import type { Catalog } from '../lib/catalog/offering';
import { diffPlans, formatDiff } from '../lib/diff';
import { formatPlanTable, planPlatform, planToJson } from '../lib/plan';
import { loadPlatformFile, platformJsonSchema, readSpecFile, serviceJsonSchema } from '../lib/spec';
import { synthCommand } from './synth';

type Flags = Record<string, string | boolean | undefined>;

/** What a command gets: its arguments and where to write. */
export interface CommandContext {
  readonly positionals: readonly string[];
  readonly flags: Flags;
  readonly io: { out(text: string): void; err(text: string): void; progress(text: string): void };
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly positionals: readonly string[];
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(ctx: CommandContext): Promise<number>;
}

const catalogOption = { catalog: { type: 'string' as const } };

/** Reads `--catalog FILE` (a catalog override: { mode, offerings }) on top of the bundled catalog. */
function catalogFrom(flags: Flags): Catalog | undefined {
  if (typeof flags.catalog !== 'string') return undefined;
  const data = readSpecFile(flags.catalog) as { mode?: 'extend' | 'replace'; offerings?: unknown[] } | null;
  return resolveCatalog({ offerings: data?.offerings ?? (data as unknown as unknown[]), mode: data?.mode ?? 'extend' });
}

export const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'Check a modelplane.yaml; exit 0 when valid, 1 with every problem on stderr',
    usage: 'usage: modelplane validate FILE [--catalog FILE]',
    positionals: ['FILE'],
    options: catalogOption,
    async run({ positionals, flags, io }) {
      const file = positionals[0] as string;
      const platform = loadPlatformFile(file, { catalog: catalogFrom(flags) });
      io.out(`✓ ${file}: platform ${platform.name}, ${platform.services.length} service${platform.services.length === 1 ? '' : 's'} valid`);
      return 0;
    },
  },
  plan: {
    summary: 'Place every service by GPU fit and price; print a table (or --json)',
    usage: 'usage: modelplane plan FILE [--json] [--catalog FILE]',
    positionals: ['FILE'],
    options: { json: { type: 'boolean' }, ...catalogOption },
    async run({ positionals, flags, io }) {
      const catalog = catalogFrom(flags);
      const platform = loadPlatformFile(positionals[0] as string, { catalog });
      const plan = planPlatform(platform);
      io.out(flags.json ? JSON.stringify(planToJson(plan), null, 2) : formatPlanTable(plan));
      return 0;
    },
  },
  catalog: {
    summary: 'Print the GPU catalog (bundled, or with --catalog FILE applied)',
    usage: 'usage: modelplane catalog [--json] [--catalog FILE]',
    positionals: [],
    options: { json: { type: 'boolean' }, ...catalogOption },
    async run({ flags, io }) {
      const catalog = catalogFrom(flags) ?? resolveCatalog();
      io.out(flags.json ? JSON.stringify(catalogToJson(catalog), null, 2) : formatCatalogTable(catalog));
      return 0;
    },
  },
  schema: {
    summary: 'Print the JSON Schema of modelplane.yaml (--service: of one service)',
    usage: 'usage: modelplane schema [--service]',
    positionals: [],
    options: { service: { type: 'boolean' } },
    async run({ flags, io }) {
      io.out(JSON.stringify(flags.service ? serviceJsonSchema() : platformJsonSchema(), null, 2));
      return 0;
    },
  },
  diff: {
    summary: 'Compare two declarations: what changes per target; exit 1 on unacknowledged breaking changes',
    usage: 'usage: modelplane diff OLD NEW [--json] [--catalog FILE]',
    positionals: ['OLD', 'NEW'],
    options: { json: { type: 'boolean' }, ...catalogOption },
    async run({ positionals, flags, io }) {
      const catalog = catalogFrom(flags);
      const before = planPlatform(loadPlatformFile(positionals[0] as string, { catalog }));
      const after = planPlatform(loadPlatformFile(positionals[1] as string, { catalog }));
      const report = diffPlans(before, after);
      io.out(flags.json ? JSON.stringify(report, null, 2) : formatDiff(report));
      return report.blocked ? 1 : 0;
    },
  },
  synth: {
    summary: 'Synthesize infrastructure: --target k8s|aws|gcp|all (default all) into --out DIR',
    usage: 'usage: modelplane synth FILE [--target k8s|aws|gcp|all] [--out DIR] [--catalog FILE]',
    positionals: ['FILE'],
    options: { target: { type: 'string' }, out: { type: 'string' }, ...catalogOption },
    async run(ctx) {
      return synthCommand(ctx, catalogFrom(ctx.flags));
    },
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'modelplane — declare a model service once; synthesize GPU inference infrastructure on AWS, GCP and Kubernetes.',
    '',
    'usage: modelplane <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 success; 1 invalid spec, no feasible placement or breaking change; 2 usage, file or YAML error.',
  ].join('\n');
}
