import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decodeLossless, encodeLossless } from '../../server/src/cli/lossless-utf8.js';

test('decodeLossless and encodeLossless give back any bytes, UTF-8 or not', () => {
  for (let i = 0; i < 200; i++) {
    const bytes = randomBytes(i * 5);
    assert.ok(encodeLossless(decodeLossless(bytes)).equals(bytes));
  }
  // Truncated, overlong, surrogate and out-of-range sequences, and a lone continuation byte.
  const broken = Buffer.from([0x61, 0xe2, 0x82, 0x62, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x80, 0xf0, 0x9f, 0x94, 0xa5]);
  assert.ok(encodeLossless(decodeLossless(broken)).equals(broken));
  assert.ok(decodeLossless(broken).endsWith('🔥'), 'the valid sequence after them decodes as itself');
});

test('valid UTF-8 decodes as usual; text with new characters encodes them as UTF-8 next to the kept bytes', () => {
  const valid = Buffer.from('café 🔥 \uFEFF\uFFFD', 'utf8');
  assert.equal(decodeLossless(valid), valid.toString('utf8'));
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
  const text = decodeLossless(latin1);
  assert.equal(text.length, 4);
  assert.deepEqual([...encodeLossless(`${text} – 🔥`)], [...latin1, ...Buffer.from(' – 🔥', 'utf8')]);
});
