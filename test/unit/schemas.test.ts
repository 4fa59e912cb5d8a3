import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { configJsonSchema } from '../../server/src/config/json-schema.js';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../server/src/config/settings.js';
import { postmortemSnippets } from '../../server/src/templates/snippets.js';
import { templateSnippet, slugify } from '../../server/src/templates/render.js';
import { snippetToText } from '../../server/src/templates/template.js';
import { TEMPLATES, TEMPLATE_IDS } from '../../server/src/templates/registry.js';
import { USAGE } from '../../server/src/cli/args.js';
import { analyze } from '../../server/src/engine/analyze.js';

const root = new URL('../../../', import.meta.url);
const committed = JSON.parse(readFileSync(new URL('schemas/postmortemrc.schema.json', root), 'utf8')) as object;
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; scope?: string; description?: string; markdownDescription?: string; enum?: unknown[]; enumDescriptions?: unknown[] }> } };
};

test('the committed .postmortemrc JSON Schema is what the zod schemas generate (run `npm run schema` after changing them)', () => {
  assert.deepEqual(committed, configJsonSchema());
});

test('the JSON Schema accepts a real config and rejects wrong levels, unknown rules and unknown options', () => {
  const validate = new Ajv({ strict: false }).compile(committed);
  assert.ok(validate({ extends: '../base.json', template: 'google-sre', rules: { 'missing-duration': 'error', 'duration-mismatch': ['warning', { toleranceMinutes: 10 }] } }), JSON.stringify(validate.errors));
  assert.equal(validate({ rules: { 'missing-duration': 'loud' } }), false);
  assert.equal(validate({ rules: { 'no-such-rule': 'off' } }), false);
  assert.equal(validate({ rules: { 'duration-mismatch': ['warning', { tolerance: 10 }] } }), false);
  assert.equal(validate({ colour: 'blue' }), false);
});

test('package.json contributes exactly the server settings, with the same defaults, each with a description and resource scope', () => {
  const contributed = manifest.contributes.configuration.properties;
  const keys = Object.keys(SettingsSchema.shape).map((key) => `postmortem.${key}`);
  assert.deepEqual(Object.keys(contributed).sort(), keys.sort());
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    const property = contributed[`postmortem.${key}`]!;
    assert.deepEqual(property.default, value, `default of postmortem.${key}`);
    assert.equal(property.scope, 'resource', `scope of postmortem.${key}`);
    assert.ok(property.description ?? property.markdownDescription, `description of postmortem.${key}`);
  }
});

test('the postmortem.template setting offers "auto" and every template id the engine knows, each described; so do the setting\'s and the CLI\'s help', () => {
  const setting = manifest.contributes.configuration.properties['postmortem.template']!;
  assert.deepEqual(setting.enum, ['auto', ...TEMPLATE_IDS]);
  assert.equal(setting.enumDescriptions?.length, setting.enum.length, 'one description per template');
  const described = SettingsSchema.shape.template.description ?? '';
  const usage = USAGE.split('\n').find((line) => line.includes('--template')) ?? '';
  for (const id of ['auto', ...TEMPLATE_IDS]) {
    assert.ok(described.includes(`"${id}"`), `the setting's description names ${id}`);
    assert.match(usage, new RegExp(`\\b${id}\\b`), `--template's help names ${id}`);
  }
});

test('the committed snippets are what the templates generate (run `npm run snippets` after changing a template)', () => {
  const snippets = JSON.parse(readFileSync(new URL('snippets/postmortem.code-snippets', root), 'utf8')) as object;
  assert.deepEqual(snippets, postmortemSnippets());
});

test('every full-template snippet, filled in, is a postmortem the engine reads with all of its template sections', () => {
  for (const template of TEMPLATES) {
    const text = snippetToText(templateSnippet(template, { title: 'Cache stampede', date: '2024-05-01', severity: 'SEV-2' }).replace(/\$0/g, ''));
    const result = analyze(text, { path: '/repo/notes/x.md' });
    assert.ok(result.isPostmortem, `${template.id} is recognised as a postmortem`);
    assert.equal(result.template.id, template.id, `${template.id} is recognised as its own template`);
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'missing-section'), [], template.id);
  }
});

test('slugs for New Postmortem file names', () => {
  assert.equal(slugify('Checkout latency after the payment-client upgrade!'), 'checkout-latency-after-the-payment-client-upgrade');
  assert.equal(slugify('Ünïcode café outage'), 'unicode-cafe-outage');
  assert.equal(slugify('???'), 'incident');
});
