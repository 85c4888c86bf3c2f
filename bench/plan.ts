import { planPlatform } from '../lib/plan';
import { parsePlatform } from '../lib/spec';
import { platformInput } from './fixtures';
import { Measurement, measure, printTable } from './measure';

/** Validation and planning of 1,000 services against the full bundled catalog (target: under 1 s). */
export async function benchPlan(): Promise<Measurement[]> {
  const input = platformInput(1000);
  const validated = parsePlatform(input);
  return [
    await measure('validate 1000 services', () => parsePlatform(input)),
    await measure('plan 1000 services', () => planPlatform(validated)),
    await measure('validate + plan 1000 services', () => planPlatform(parsePlatform(input))),
  ];
}

if (require.main === module) {
  benchPlan().then((rows) => printTable('planner (1,000 services, bundled catalog)', rows));
}
