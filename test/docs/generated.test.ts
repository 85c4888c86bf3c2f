import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specReferenceMarkdown } from '../../lib/spec/reference';
import { DEFAULTS } from '../../lib/spec';

describe('generated documentation', () => {
  const reference = readFileSync(path.resolve(__dirname, '../../docs/spec-reference.md'), 'utf8');

  it('docs/spec-reference.md is current (regenerate with `npm run docs`)', () => {
    expect(reference).toBe(specReferenceMarkdown());
  });

  it('documents every default of lib/spec/defaults.ts', () => {
    expect(reference).toContain(`\`${DEFAULTS.model.contextTokens}\``);
    expect(reference).toContain(`\`${DEFAULTS.autoscaling.scaleDownDelaySeconds}\``);
    expect(reference).toContain(`\`${DEFAULTS.api.maxRequestSeconds}\``);
    expect(reference).toContain(`\`"${DEFAULTS.placement.strategy}"\``);
    expect(reference).toContain('services[].api.auth');
    expect(reference).toContain('services[].placement.spot');
  });
});
