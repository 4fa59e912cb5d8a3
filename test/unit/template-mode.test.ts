// A template being filled in gets its structure checked and one note about its
// placeholders, nothing else. Which rules those are is data on the rules
// (Rule.templateMode), not a list of ids inside the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { RULES } from '../../server/src/rules/registry.js';
import type { AnyRule } from '../../server/src/rules/types.js';

const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;

const body = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'The checkout API failed for TBD minutes after a deploy.',
  '',
  '## Timeline',
  '',
  '- 10:20 UTC - Rolled back the deploy.',
  '- 10:05 UTC - Alert fired for checkout errors.',
  '- 10:40 UTC - Error rate back to normal.',
  '',
  '## Impact',
  '',
  '## Impact',
  '',
  'Some users could not pay.',
];
const template = doc('---', 'template: true', '---', ...body);
const finished = doc(...body);

test('the rules that run in template mode are the three they always were', () => {
  const flagged = RULES.filter((rule) => rule.templateMode === true).map((rule) => rule.id);
  assert.deepEqual(flagged, ['empty-section', 'placeholder-text', 'duplicate-section']);
});

test('a template gets only the template-mode rules; the same text finished gets the others too', () => {
  const inTemplate = new Set(analyze(template, { force: true }).findings.map((finding) => finding.rule));
  assert.deepEqual([...inTemplate].sort(), ['duplicate-section', 'empty-section', 'placeholder-text']);
  const inFinished = new Set(analyze(finished, { force: true }).findings.map((finding) => finding.rule));
  // The out-of-order timeline is reported once the document is no template.
  assert.ok(inFinished.has('timeline-out-of-order'), [...inFinished].join(', '));
  assert.ok(inFinished.has('duplicate-section') && inFinished.has('empty-section') && inFinished.has('placeholder-text'));
});

test('template mode reads the flag on the rule itself, for rules the engine does not know', () => {
  const anchor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const rule = (id: string, templateMode: boolean): AnyRule => ({ id, description: id, defaultSeverity: 'info', ...(templateMode ? { templateMode } : {}), check: () => [{ message: id, range: anchor }] });
  const rules = [rule('structure-only', true), rule('content', false)];
  assert.deepEqual(analyze(template, { force: true, rules }).findings.map((finding) => finding.rule), ['structure-only']);
  assert.deepEqual(analyze(finished, { force: true, rules }).findings.map((finding) => finding.rule), ['structure-only', 'content']);
});
