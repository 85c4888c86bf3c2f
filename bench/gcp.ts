/**
 * GCP target benchmark: run time and memory of the Pulumi program under mocks for 1, 10 and 50 services.
 * Run directly: `npx tsx bench/gcp.ts`.
 */
import { GcpModelService } from '../constructs/gcp';
import { runUnderMocks } from '../constructs/gcp/private/mock-run';
import type { ServicePlan } from '../lib/plan';
import { examplePlacements } from '../test/fixtures/examples';
import { measure, Measurement, printTable } from './measure';

/** `count` copies of the example GCP services, renamed so every component and resource is distinct. */
function services(count: number): Array<{ service: ServicePlan; name: string }> {
  const cases = examplePlacements('gcp');
  return Array.from({ length: count }, (_, i) => {
    const c = cases[i % cases.length]!;
    const name = `${c.service.name.slice(0, 30)}-${i}`;
    return { service: { ...c.service, name, spec: { ...c.service.spec, name }, placements: [c.placement] }, name };
  });
}

async function program(count: number): Promise<number> {
  const list = services(count);
  const resources = await runUnderMocks((opts) => {
    for (const s of list) new GcpModelService(`${s.name}-gcp`, { service: s.service, project: 'bench-project' }, opts);
  }, 'bench-project');
  return resources.length;
}

export async function benchGcp(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const n of [1, 10, 50]) rows.push(await measure(`gcp program, ${n} service${n === 1 ? '' : 's'}`, () => program(n), 3));
  return rows;
}

if (require.main === module) {
  benchGcp()
    .then((rows) => printTable('GCP target (Pulumi mocks)', rows))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
