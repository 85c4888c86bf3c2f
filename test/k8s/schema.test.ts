import { describe, expect, it } from 'vitest';
import { allCases } from './fixtures';
import { schemaError } from './schema';

describe('every rendered object validates against the Kubernetes and CRD schemas', () => {
  for (const c of allCases()) {
    it(c.label, async () => {
      const errors: string[] = [];
      for (const m of c.manifests) {
        const err = await schemaError(m);
        if (err) errors.push(`${String(m.kind)}/${String((m.metadata as { name: string }).name)}: ${err}`);
      }
      expect(errors).toEqual([]);
    });
  }
});

describe('the schema check itself', () => {
  it('rejects an unknown kind', async () => {
    expect(await schemaError({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } })).toMatch(/no schema/);
  });
  it('rejects a Deployment with a wrongly typed field', async () => {
    const bad = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', image: 'i:1', ports: [{ containerPort: 'eighty' }] }] } } } };
    expect(await schemaError(bad)).toBeDefined();
  });
  it('rejects a ScaledObject without triggers', async () => {
    expect(await schemaError({ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'x' }, spec: { scaleTargetRef: { name: 'x' } } })).toBeDefined();
  });
});
