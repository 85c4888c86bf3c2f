import type { Plan } from '../plan/types';
import { costReport, CostReport } from './cost';

/**
 * `report.html`: the placement and costs of a platform as a page a person reads — totals, a table per
 * placement, sums per cloud and region, and a diagram of clouds → regions → services (failover pairs
 * joined). Self-contained (no scripts, fonts or requests), deterministic (no clock).
 */
export function renderReportHtml(plan: Plan, title = 'modelplane platform'): string {
  const cost = costReport(plan);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)} — placement and cost</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1a1a1a; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  .muted { color: #666; }
  .totals { display: flex; gap: 1rem; margin: 1rem 0; }
  .card { border: 1px solid #ddd; border-radius: 8px; padding: .7rem 1rem; min-width: 12rem; }
  .card b { display: block; font-size: 1.3rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #eee; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.secondary td { color: #555; }
  .reason { font-size: 12px; color: #666; max-width: 28rem; }
  svg text { font: 12px system-ui, sans-serif; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${plan.services.length} services, ${cost.lines.length} placements · catalog ${esc(plan.catalogVersion)} · prices are list prices per hour; a month is 730 h</p>
<div class="totals">
  <div class="card" id="total-min"><span class="muted">total at min replicas</span><b>${usd(cost.total.monthlyUsdAtMin)}/mo</b></div>
  <div class="card" id="total-max"><span class="muted">total at max replicas</span><b>${usd(cost.total.monthlyUsdAtMax)}/mo</b></div>
  <div class="card" id="total-spot"><span class="muted">spot savings at max</span><b>${usd(cost.total.spotSavingsMonthlyUsdAtMax)}/mo</b></div>
</div>
<h2>Placement</h2>
${diagram(plan)}
<h2>Services</h2>
${placementTable(plan)}
<h2>Cost per cloud and region</h2>
${groupTables(cost)}
</body>
</html>
`;
}

function placementTable(plan: Plan): string {
  const rows = plan.services.flatMap((s) =>
    s.placements.map(
      (p) => `<tr class="${p.role}" data-service="${esc(s.name)}" data-cloud="${p.cloud}">
  <td>${esc(s.name)}</td><td>${p.role}</td><td>${p.cloud}/${esc(p.region)}</td><td>${esc(p.instanceType)}</td><td>${p.gpu.count}×${esc(p.gpu.type)}</td><td>${p.capacity}</td>
  <td class="num">${p.replicas.min}–${p.replicas.max}</td><td class="num">${usd(p.hourlyUsd, 3)}</td><td class="num">${usd(p.monthlyUsdAtMin)}</td><td class="num">${usd(p.monthlyUsdAtMax)}</td>
  <td class="reason">${esc(p.reason)}</td>
</tr>`,
    ),
  );
  return `<table id="services">
<thead><tr><th>service</th><th>role</th><th>cloud/region</th><th>instance</th><th>GPU</th><th>capacity</th><th class="num">replicas</th><th class="num">$/h per replica</th><th class="num">$/mo at min</th><th class="num">$/mo at max</th><th>why</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th colspan="8">total</th><th class="num">${usd(plan.totals.monthlyUsdAtMin)}</th><th class="num">${usd(plan.totals.monthlyUsdAtMax)}</th><th></th></tr></tfoot>
</table>`;
}

function groupTables(cost: CostReport): string {
  const table = (id: string, label: string, groups: CostReport['byCloud']) => `<table id="${id}" style="margin-bottom:1rem">
<thead><tr><th>${label}</th><th class="num">$/mo at min</th><th class="num">$/mo at max</th></tr></thead>
<tbody>
${groups.map((g) => `<tr><td>${esc(g.key)}</td><td class="num">${usd(g.monthlyUsdAtMin)}</td><td class="num">${usd(g.monthlyUsdAtMax)}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return `${table('by-cloud', 'cloud', cost.byCloud)}\n${table('by-region', 'region', cost.byRegion)}`;
}

/** Clouds as columns, regions as boxes, services as chips; failover pairs joined by a dashed line. */
function diagram(plan: Plan): string {
  const clouds = [...new Set(plan.services.flatMap((s) => s.placements.map((p) => p.cloud)))].sort();
  const colWidth = 320;
  const chipH = 22;
  const positions = new Map<string, { left: number; right: number; y: number }>();
  const parts: string[] = [];
  let height = 0;
  clouds.forEach((cloud, ci) => {
    const x = 20 + ci * (colWidth + 40);
    parts.push(`<text x="${x}" y="20" font-weight="bold">${cloud.toUpperCase()}</text>`);
    let y = 34;
    const regions = [...new Set(plan.services.flatMap((s) => s.placements.filter((p) => p.cloud === cloud).map((p) => p.region)))].sort();
    for (const region of regions) {
      const chips = plan.services.flatMap((s) => s.placements.filter((p) => p.cloud === cloud && p.region === region).map((p) => ({ s, p })));
      const boxH = 28 + chips.length * (chipH + 6);
      parts.push(`<rect x="${x}" y="${y}" width="${colWidth}" height="${boxH}" rx="8" fill="#f6f8fa" stroke="#d0d7de"/>`);
      parts.push(`<text x="${x + 10}" y="${y + 18}" fill="#555">${esc(region)}</text>`);
      chips.forEach(({ s, p }, i) => {
        const cy = y + 26 + i * (chipH + 6);
        const fill = p.role === 'secondary' ? '#fff8e1' : '#e3f2fd';
        parts.push(`<rect x="${x + 10}" y="${cy}" width="${colWidth - 20}" height="${chipH}" rx="5" fill="${fill}" stroke="#90a4ae"/>`);
        parts.push(`<text x="${x + 18}" y="${cy + 15}">${esc(s.name)} · ${p.gpu.count}×${esc(p.gpu.type)} · ${p.replicas.min}–${p.replicas.max}${p.role === 'secondary' ? ' · standby' : ''}</text>`);
        positions.set(`${s.name}/${p.id}`, { left: x + 10, right: x + colWidth - 10, y: cy + chipH / 2 });
      });
      y += boxH + 12;
    }
    height = Math.max(height, y);
  });
  for (const s of plan.services) {
    const [a, b] = s.placements;
    if (s.placements.length === 2 && b?.role === 'secondary' && a) {
      const pa = positions.get(`${s.name}/${a.id}`);
      const pb = positions.get(`${s.name}/${b.id}`);
      if (pa && pb) {
        // Join facing edges: right edge of the left chip to the left edge of the right one.
        const [from, to] = pa.left <= pb.left ? [pa, pb] : [pb, pa];
        const x1 = from.right;
        const x2 = from.left === to.left ? to.right + 8 : to.left;
        parts.push(`<line x1="${x1}" y1="${from.y}" x2="${x2}" y2="${to.y}" stroke="#e65100" stroke-dasharray="5 4"><title>${esc(s.name)} failover</title></line>`);
      }
    }
  }
  const width = 20 + clouds.length * (colWidth + 40);
  return `<svg id="diagram" role="img" aria-label="placement diagram" width="${width}" height="${height + 10}" viewBox="0 0 ${width} ${height + 10}" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
}

function usd(n: number, digits = 0): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
