/**
 * The examples: every file validates and plans; YAML and TypeScript declare the same platform; the plan uses
 * both clouds as the README promises. A snapshot of the placements shows any change for review.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPlatform } from '../../lib/plan';
import { loadPlatformFile } from '../../lib/spec';
import platformFromTs, { llama70b, llama8bChat, platform as tsPlatform, toxicityClassifier } from '../../examples/platform';
import { EXAMPLES_DIR } from './fixtures';

const MAIN = path.join(EXAMPLES_DIR, 'modelplane.yaml');
const SERVICE_FILES = readdirSync(path.join(EXAMPLES_DIR, 'services'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(EXAMPLES_DIR, 'services', f));
const ALL_FILES = [MAIN, ...SERVICE_FILES];

describe('every example file', () => {
  it('there is a single-service file for each service of modelplane.yaml', () => {
    expect(SERVICE_FILES.map((f) => path.basename(f, '.yaml'))).toEqual(['llama-70b', 'llama-8b-chat', 'toxicity-classifier']);
  });

  it.each(ALL_FILES.map((f) => [path.relative(EXAMPLES_DIR, f), f]))('%s validates and plans', (_, file) => {
    const platform = loadPlatformFile(file);
    const plan = planPlatform(platform);
    expect(plan.services.map((s) => s.name)).toEqual(platform.services.map((s) => s.name));
    for (const s of plan.services) expect(s.placements.length).toBeGreaterThan(0);
  });

  it.each(SERVICE_FILES.map((f) => [path.basename(f), f]))('%s declares the same service as modelplane.yaml', (_, file) => {
    const [service] = loadPlatformFile(file).services;
    const same = loadPlatformFile(MAIN).services.find((s) => s.name === service!.name);
    expect(service).toEqual(same);
  });
});

describe('examples/platform.ts', () => {
  it('deep-equals the YAML platform', () => {
    expect(tsPlatform).toEqual(loadPlatformFile(MAIN));
    expect(platformFromTs).toBe(tsPlatform);
  });

  it('exports each service, equal to the YAML one', () => {
    const yaml = loadPlatformFile(MAIN).services;
    for (const s of [llama8bChat, llama70b, toxicityClassifier]) expect(s).toEqual(yaml.find((y) => y.name === s.name));
  });

  it('plans exactly like the YAML platform', () => {
    expect(planPlatform(tsPlatform)).toEqual(planPlatform(loadPlatformFile(MAIN)));
  });
});

describe('the example plan', () => {
  const plan = planPlatform(loadPlatformFile(MAIN));
  const placements = plan.services.flatMap((s) => s.placements.map((p) => ({ service: s.name, ...p })));

  it('places at least one service on AWS and one on GCP', () => {
    expect(placements.some((p) => p.cloud === 'aws')).toBe(true);
    expect(placements.some((p) => p.cloud === 'gcp')).toBe(true);
  });

  it('has a failover service whose primary and secondary are on different clouds', () => {
    const failover = plan.services.filter((s) => s.spec.placement.strategy === 'failover');
    expect(failover.length).toBeGreaterThan(0);
    expect(failover.some((s) => new Set(s.placements.map((p) => p.cloud)).size === 2)).toBe(true);
  });

  it('gives the 70B service at least 2 GPUs per replica', () => {
    const big = plan.services.find((s) => s.name === 'llama-70b')!;
    for (const p of big.placements) expect(p.gpu.count).toBeGreaterThanOrEqual(2);
  });

  it('runs the classifier on one T4', () => {
    const classifier = plan.services.find((s) => s.name === 'toxicity-classifier')!;
    expect(classifier.placements.map((p) => `${p.gpu.count}×${p.gpu.type}`)).toEqual(['1×T4']);
  });

  it('placements (snapshot, to review changes of catalog or planner)', () => {
    expect(
      placements.map((p) => `${p.service} ${p.role} ${p.cloud}/${p.region} ${p.instanceType} ${p.gpu.count}×${p.gpu.type} ${p.capacity} ${p.replicas.min}-${p.replicas.max} $${p.hourlyUsd}/h`),
    ).toMatchSnapshot();
  });
});
