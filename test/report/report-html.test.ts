import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../lib/report';
import { examplePlan } from '../fixtures/examples';

describe('report.html', () => {
  const plan = examplePlan();
  const html = renderReportHtml(plan, 'demo <platform>');

  it('lists every placement of every service', () => {
    for (const s of plan.services) {
      for (const p of s.placements) expect(html).toContain(`data-service="${s.name}" data-cloud="${p.cloud}"`);
    }
  });

  it('escapes text from the spec', () => {
    expect(html).toContain('demo &lt;platform&gt;');
    expect(html).not.toContain('demo <platform>');
  });

  it('is self-contained: no scripts and no external requests', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
  });

  it('is deterministic', () => {
    expect(renderReportHtml(plan, 'demo <platform>')).toBe(html);
  });
});
