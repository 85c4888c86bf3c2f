import { z } from 'zod';
import { CatalogOverrideSchema } from '../catalog/custom';
import { ERROR_CODES } from '../errors';
import { dnsLabel, report } from './common';
import { ServiceSchema } from './service';

/** A platform: several services declared together, optionally with the organisation's own catalog. */
export const PlatformSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema URL for editors; ignored.'),
    name: dnsLabel(40).default('modelplane').describe('Platform name: prefixes stacks and programs.'),
    services: z.array(ServiceSchema).min(1).max(2000).describe('The model services.'),
    catalog: CatalogOverrideSchema.optional().describe('Your own offerings (negotiated prices, other regions). @default - the bundled catalog'),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.services.forEach((s, i) => {
      const first = seen.get(s.name);
      if (first !== undefined) {
        report(ctx, ['services', i, 'name'], `is already used by services[${first}]`, {
          code: ERROR_CODES.DUPLICATE_NAME,
          fix: 'give each service a unique name',
        }, s.name);
      } else seen.set(s.name, i);
    });
  })
  .describe('A modelplane platform (modelplane.yaml).');

export type PlatformSpecInput = z.input<typeof PlatformSchema>;
export type PlatformSpec = z.output<typeof PlatformSchema>;
