import { z } from 'zod';
import { CLOUDS } from '../catalog/offering';
import { DEFAULTS } from './defaults';

export const STRATEGIES = ['cheapest', 'failover', 'spread'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const SPOT_POLICIES = ['never', 'allowed'] as const;
export type SpotPolicy = (typeof SPOT_POLICIES)[number];

export const PlacementSchema = z
  .strictObject({
    clouds: z.array(z.enum(CLOUDS)).min(1).max(CLOUDS.length).default([...DEFAULTS.placement.clouds]).describe('Clouds the service may run on.'),
    regions: z
      .array(z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'a region such as us-east-1 or us-central1'))
      .min(1)
      .max(64)
      .optional()
      .describe('Regions the service may run in (any of the allowed clouds). @default - every region in the catalog'),
    strategy: z
      .enum(STRATEGIES)
      .default(DEFAULTS.placement.strategy)
      .describe('cheapest: one placement at the lowest price; failover: a primary and a standby on another cloud (else region); spread: replicas across several regions/clouds.'),
    spreadCount: z.int().min(2).max(8).optional().describe('With strategy spread: how many placements. @default 2'),
    spot: z.enum(SPOT_POLICIES).default(DEFAULTS.placement.spot).describe('never: on-demand only; allowed: spot capacity when cheaper.'),
  })
  .prefault({})
  .describe('Where the service may run and how the planner chooses.');

export type PlacementSpec = z.output<typeof PlacementSchema>;
