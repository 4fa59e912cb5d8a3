// The CLI's sibling pre-pass reads each file once and keeps what it decoded for
// the main loop: the findings are those of the engine given every other
// postmortem's section kinds, and a team whose notes all lack a section is not
// told it is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../../server/src/cli.js';
import { analyze, sectionKindsOf } from '../../server/src/engine/analyze.js';

const note = (day: number, extra = ''): string =>
  `# Cache node evicted on day ${day}\n\n## Summary\n\nThe session cache lost 30% of its keys and users were logged out.\n\n## Timeline\n\n- 10:0${day} UTC: evictions alert\n- 10:40 UTC: memory limit raised\n\n## Root Cause\n\nThe memory limit was lower than the working set.\n${extra}`;

test('a folder run gives each file the findings the engine gives it with its siblings (the pre-pass keeps what it read and decoded)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-cli-siblings-'));
  try {
    const texts: Record<string, string> = {
      '2024-01-01-cache-postmortem.md': note(1),
      '2024-02-01-cache-postmortem.md': note(2),
      '2024-03-01-cache-postmortem.md': note(3),
      '2024-04-01-cache-postmortem.md': note(4, '\n## Action Items\n\n- [ ] Alert on eviction rate (owner: @li, OPS-7)\n'),
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, name), text);
    const files = Object.keys(texts).map((name) => join(folder, name));
    let out = '';
    const status = run(['--format', 'json', ...files], (text) => (out += text), () => undefined);
    assert.equal(status, 0);
    const report = JSON.parse(out) as Array<{ file: string; diagnostics: Array<{ rule: string; message: string; range: unknown }> }>;
    const kinds = new Map(files.map((file) => [file, sectionKindsOf(readFileSync(file, 'utf8'))]));
    for (const file of files) {
      const siblingSections = files.filter((other) => other !== file).map((other) => kinds.get(other)!);
      const expected = analyze(readFileSync(file, 'utf8'), { path: file, force: true, siblingSections }).findings.map(({ rule, message, range }) => ({ rule, message, range }));
      const got = report.find((entry) => entry.file === (relative(process.cwd(), file) || file))?.diagnostics.map(({ rule, message, range }) => ({ rule, message, range }));
      assert.deepEqual(got, expected, file);
    }
    // One sibling of each of the first three has action items: the section stays expected there.
    assert.ok(report.slice(0, 3).every((entry) => entry.diagnostics.some((d) => d.rule === 'missing-section' && d.message.includes('"Action Items"'))));
    // Without the fourth file, the team's three notes all lack it: not missing.
    out = '';
    run(['--format', 'json', ...files.slice(0, 3)], (text) => (out += text), () => undefined);
    const team = JSON.parse(out) as Array<{ diagnostics: Array<{ rule: string }> }>;
    assert.deepEqual(team.map((entry) => entry.diagnostics.filter((d) => d.rule === 'missing-section').length), [0, 0, 0]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
