import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/features/document-analysis.js';
import { DEFAULT_SETTINGS } from '../../server/src/config/settings.js';

test('a document opened again with the same version and other text is analysed again', () => {
  const cache = new AnalysisCache();
  const uri = 'file:///work/postmortems/twice.md';
  const first = TextDocument.create(uri, 'markdown', 1, '# Postmortem: the first open\n');
  assert.equal(cache.get(first, DEFAULT_SETTINGS).analysis.model.title, 'Postmortem: the first open');
  assert.equal(cache.get(first, DEFAULT_SETTINGS), cache.get(first, DEFAULT_SETTINGS), 'the same document and version: one analysis');
  const second = TextDocument.create(uri, 'markdown', 1, '# Postmortem: the second open\n');
  assert.equal(cache.get(second, DEFAULT_SETTINGS).analysis.model.title, 'Postmortem: the second open');
});
