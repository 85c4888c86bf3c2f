/**
 * `npm run bench`: every benchmark in one process, so figures compare as ratios within one run.
 * Pass names to run a subset: `npm run bench -- plan k8s`.
 */
import { printTable, Measurement } from './measure';

const SUITES: Record<string, { title: string; run: () => Promise<Measurement[]> }> = {
  plan: { title: 'planner: validate + plan 1,000 services (target < 1 s)', run: async () => (await import('./plan')).benchPlan() },
  k8s: { title: 'Kubernetes target (cdk8s): synthesize N services', run: async () => (await import('./k8s')).benchK8s() },
  aws: { title: 'AWS target (CDK): cdk synth N services vs hand-written aws-cdk-lib', run: async () => (await import('./aws')).benchAws() },
  gcp: { title: 'GCP target (Pulumi, mocks): program run for N services', run: async () => (await import('./gcp')).benchGcp() },
  platform: { title: 'modelplane synth (all targets): 10 vs 100 services', run: async () => (await import('./platform')).benchPlatform() },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
  for (const name of names) {
    const suite = SUITES[name];
    if (suite === undefined) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(SUITES).join(', ')}`);
    printTable(suite.title, await suite.run());
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
