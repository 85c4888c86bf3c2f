import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../lib/report';
import { examplePlan } from '../fixtures/examples';

/** Debian's chromium (installed by scripts/ensure-chromium.js before the tests); never a downloaded browser. */
const CHROMIUM = process.env.MODELPLANE_CHROMIUM ?? '/usr/bin/chromium';

describe('report.html in a real headless browser', () => {
  let browser: Browser;
  let file: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-report-'));

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node scripts/ensure-chromium.js\` (apt-get install chromium)`);
    file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderReportHtml(examplePlan(), 'modelplane platform demo'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows every service, the totals and the diagram', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    const plan = examplePlan();

    await expect(page.title()).resolves.toContain('modelplane platform demo');
    for (const s of plan.services) {
      const rows = page.locator(`#services tbody tr[data-service="${s.name}"]`);
      expect(await rows.count()).toBe(s.placements.length);
      await expect(rows.first().isVisible()).resolves.toBe(true);
    }
    const totalMin = `$${Math.round(plan.totals.monthlyUsdAtMin).toLocaleString('en-US')}/mo`;
    const totalMax = `$${Math.round(plan.totals.monthlyUsdAtMax).toLocaleString('en-US')}/mo`;
    expect(await page.locator('#total-min b').innerText()).toBe(totalMin);
    expect(await page.locator('#total-max b').innerText()).toBe(totalMax);

    const diagram = page.locator('#diagram');
    await expect(diagram.isVisible()).resolves.toBe(true);
    const box = await diagram.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    for (const s of plan.services) expect(await diagram.locator('text', { hasText: s.name }).count()).toBe(s.placements.length);

    const shot = await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });
});
