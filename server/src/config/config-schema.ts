import * as z from 'zod';
import { RuleSettingSchema } from './settings.js';

/**
 * `.postmortemrc.json` / `.postmortemrc.yaml`. Data only: no JavaScript
 * config, no plugins, so opening a repository never runs its code. The JSON
 * Schema in schemas/postmortemrc.schema.json is generated from this.
 */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    extends: z.string().optional().describe('Another config file this one builds on, relative to this file.'),
    template: z.string().optional().describe('The template documents are checked against: "auto", "seed", "google-sre", "pagerduty", "atlassian", "core", or the path of a template file (JSON or YAML, relative to this file).'),
    include: z.array(z.string()).optional().describe('Glob patterns of files that are always treated as postmortems; relative ones are relative to this file\'s folder.'),
    rules: z.record(z.string(), RuleSettingSchema).optional().describe('Per rule id: "off", "hint", "info", "warning" or "error", or [level, options].'),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml', '.postmortemrc'] as const;
