import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** The example services, as plain input objects (what a user writes). */
export function exampleServiceInputs(): Record<string, unknown>[] {
  const doc = parse(readFileSync(path.resolve(__dirname, '../examples/modelplane.yaml'), 'utf8')) as { services: Record<string, unknown>[] };
  return doc.services;
}

/**
 * A platform input of `n` services: the example services cycled, with distinct names and varied sizes so
 * that planning does real work for each.
 */
export function platformInput(n: number): { name: string; services: Record<string, unknown>[] } {
  const base = exampleServiceInputs();
  const services = Array.from({ length: n }, (_, i) => {
    const s = structuredClone(base[i % base.length]) as Record<string, unknown> & { name: string; autoscaling?: Record<string, unknown> };
    s.name = `${s.name}-${i}`.slice(0, 40);
    s.autoscaling = { ...(s.autoscaling ?? {}), maxReplicas: 2 + (i % 7) };
    return s;
  });
  return { name: 'bench', services };
}
