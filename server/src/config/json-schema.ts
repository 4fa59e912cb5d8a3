import * as z from 'zod';
import { ConfigSchema } from './config-schema.js';
import { RULES } from '../rules/registry.js';
import { TEMPLATE_IDS } from '../templates/registry.js';

/**
 * The JSON Schema (draft-07, which every editor's JSON support reads) of .postmortemrc.json, generated from the zod schema and
 * the rules' own option schemas, so editors validate and complete the file.
 * schemas/postmortemrc.schema.json is this, committed; a test keeps them equal.
 */
export function configJsonSchema(): Record<string, unknown> {
  const base = z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  const level = { enum: ['off', 'hint', 'info', 'warning', 'error'] };
  const rules: Record<string, unknown> = {};
  for (const rule of RULES) {
    const options = rule.options ? (z.toJSONSchema(rule.options, { io: 'input', target: 'draft-7' }) as Record<string, unknown>) : null;
    delete options?.['$schema'];
    rules[rule.id] = {
      description: `${rule.description} Default: ${rule.defaultSeverity}.`,
      anyOf: options
        ? [level, { type: 'array', items: [level, { ...options, additionalProperties: false }], additionalItems: false, minItems: 2, maxItems: 2 }]
        : [level],
    };
  }
  return {
    ...base,
    title: 'Postmortem Writer configuration (.postmortemrc.json)',
    properties: {
      ...base.properties,
      template: { description: base.properties['template']!['description'], anyOf: [{ enum: ['auto', ...TEMPLATE_IDS] }, { type: 'string', pattern: '\\.(?:json|ya?ml)$' }] },
      rules: { ...base.properties['rules'], type: 'object', properties: rules, additionalProperties: false },
    },
  };
}
