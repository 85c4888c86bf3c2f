import type { ServiceSpec } from '../spec/service';
import { Candidate, siteOf } from './candidates';
import type { PlacementRole } from './types';

/** A chosen candidate with its role and replica bounds; the planner turns it into a Placement. */
export interface Choice {
  readonly candidate: Candidate;
  readonly role: PlacementRole;
  readonly replicas: { readonly min: number; readonly max: number };
  readonly why: string;
}

export type StrategyResult = { readonly ok: true; readonly choices: readonly Choice[] } | { readonly ok: false; readonly reason: string };

/**
 * Applies the placement strategy to feasible candidates (cheapest first).
 * - cheapest: the first candidate, with the spec's replica bounds.
 * - failover: the cheapest as primary; a secondary on another cloud where allowed, else another region,
 *   kept warm with one replica and able to grow to maxReplicas when traffic fails over.
 * - spread: the cheapest candidate of each of the N cheapest distinct sites, replicas divided evenly.
 */
export function applyStrategy(spec: ServiceSpec, feasible: readonly Candidate[]): StrategyResult {
  const { minReplicas: min, maxReplicas: max } = spec.autoscaling;
  const first = feasible[0];
  if (first === undefined) return { ok: false, reason: 'no feasible offering' };

  switch (spec.placement.strategy) {
    case 'cheapest':
      return { ok: true, choices: [{ candidate: first, role: 'primary', replicas: { min, max }, why: 'cheapest feasible offering' }] };

    case 'failover': {
      const otherCloud = feasible.find((c) => c.offering.cloud !== first.offering.cloud);
      const otherRegion = feasible.find((c) => siteOf(c) !== siteOf(first));
      const second = otherCloud ?? otherRegion;
      if (second === undefined) {
        return { ok: false, reason: `failover needs a second site, but every feasible offering is in ${siteOf(first)}` };
      }
      const secondWhy = otherCloud ? 'cheapest feasible offering on another cloud (warm standby)' : 'cheapest feasible offering in another region (no other cloud is feasible; warm standby)';
      return {
        ok: true,
        choices: [
          { candidate: first, role: 'primary', replicas: { min, max }, why: 'cheapest feasible offering (primary)' },
          { candidate: second, role: 'secondary', replicas: { min: 1, max }, why: secondWhy },
        ],
      };
    }

    case 'spread': {
      const n = spec.placement.spreadCount ?? 2;
      const bySite = new Map<string, Candidate>();
      for (const c of feasible) if (!bySite.has(siteOf(c))) bySite.set(siteOf(c), c);
      const sites = [...bySite.values()].slice(0, n);
      if (sites.length < n) {
        return { ok: false, reason: `spread over ${n} sites needs ${n} distinct cloud/region sites, only ${bySite.size} can serve the model (${[...bySite.keys()].join(', ')})` };
      }
      const share = { min: Math.ceil(min / n), max: Math.max(1, Math.ceil(max / n)) };
      return { ok: true, choices: sites.map((c, i) => ({ candidate: c, role: 'spread' as const, replicas: share, why: `cheapest feasible offering of site ${i + 1} of ${n}` })) };
    }
  }
}
