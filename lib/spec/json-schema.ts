import { z } from 'zod';
import { PlatformSchema } from './platform';
import { ServiceSchema } from './service';

/**
 * The JSON Schema of `modelplane.yaml`, generated from the zod schema (the single source of truth), for
 * editors (`# yaml-language-server: $schema=...`) and docs.
 */
export function platformJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlatformSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://modelplane.dev/schema/modelplane.schema.json',
    title: 'modelplane platform',
  };
}

/** The JSON Schema of one service. */
export function serviceJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ServiceSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }), title: 'modelplane service' };
}
