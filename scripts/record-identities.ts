// Records the identities (CloudFormation logical IDs, Kubernetes names, Pulumi URNs) of the examples.
// Run after reviewing an intended change: `npm run identities`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planPlatform } from '../lib/plan';
import { loadPlatformFile } from '../lib/spec';
import { collectIdentities } from '../test/identity/collect';

async function main(): Promise<void> {
  const platform = loadPlatformFile(path.resolve(__dirname, '../examples/modelplane.yaml'));
  const ids = await collectIdentities(planPlatform(platform), platform.name);
  const file = path.resolve(__dirname, '../test/identity/example-identities.json');
  fs.writeFileSync(file, `${JSON.stringify(ids, null, 2)}\n`);
  console.log(`recorded ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
