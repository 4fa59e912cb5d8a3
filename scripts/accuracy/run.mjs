// npm run accuracy [-- --write] [-- --unjudged] [-- --snapshot]
//
// Runs the built CLI over the development set (.devset/docs, rebuilt by
// scripts/accuracy/build-devset.mjs), joins every finding with the reviewer's
// verdicts (test/accuracy/verdicts.jsonl, keyed by id + rule + 1-based line) and
// checks the listed misses (test/accuracy/misses.jsonl). Prints per-rule figures;
// --write also writes docs/ACCURACY.md from this one run; --unjudged lists the
// findings no verdict covers (to judge them); --snapshot rewrites the baseline
// (test/accuracy/baseline-findings.jsonl) from this run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'test', 'accuracy');
const docsDir = join(root, '.devset', 'docs');
const cli = join(root, 'dist', 'cli.cjs');
const args = new Set(process.argv.slice(2));

// The CLI checks every file named on its command line as a postmortem (folders and
// globs are filtered by looks); the set is named file by file, with the default
// template (auto) and no config file of the set's own.
const CLI_ARGS = ['--format', 'json'];

const TARGETS = {
  falsePct: 2,
  falseErrors: 0,
  truePct: 80,
  missesCaughtPct: 90,
  medianFindings: 5,
  keptPct: 90,
};

function readJsonl(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => [l.trim(), i + 1])
    .filter(([l]) => l !== '' && !l.startsWith('//'))
    .map(([l, n]) => {
      try {
        return JSON.parse(l);
      } catch (err) {
        throw new Error(`${basename(path)}:${n}: not JSON (${err.message})`, { cause: err });
      }
    });
}

const key = (id, rule, line, subject) => `${id}\u0000${rule}\u0000${line}${subject ? `\u0000${subject}` : ''}`;
// Several findings of one rule can share a line (missing-section reports every absent
// section at line 1); the first quoted name in the message tells them apart.
const subjectOf = (message) => /"([^"]+)"/.exec(message)?.[1] ?? null;
const pct = (a, b) => (b === 0 ? 0 : (100 * a) / b);
const fmtPct = (a, b) => (b === 0 ? '–' : `${pct(a, b).toFixed(1)}%`);

function median(values) {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// ---- the set -----------------------------------------------------------------
const manifest = JSON.parse(readFileSync(join(dataDir, 'devset.json'), 'utf8'));
const present = [];
const missingDocs = [];
for (const entry of manifest) {
  const file = join(docsDir, `${entry.id}.md`);
  (existsSync(file) ? present : missingDocs).push(entry);
}
if (!existsSync(cli)) {
  console.error(`accuracy: ${cli} is missing; run \`npm run build\` first.`);
  process.exit(2);
}
if (present.length === 0) {
  console.error(`accuracy: no document of the set is in ${docsDir}; run \`node scripts/accuracy/build-devset.mjs\` first.`);
  process.exit(2);
}

// ---- findings ----------------------------------------------------------------
function runCli(files) {
  try {
    return execFileSync(process.execPath, [cli, ...CLI_ARGS, ...files], { maxBuffer: 256 * 1024 * 1024 }).toString();
  } catch (err) {
    // Exit 1 means "errors found": the JSON is still on stdout. Anything else is a failure.
    if (err.status === 1 && err.stdout) return err.stdout.toString();
    throw new Error(`the CLI failed (exit ${err.status}): ${String(err.stderr ?? err.message).trim()}`, { cause: err });
  }
}
const files = present.map((e) => join(docsDir, `${e.id}.md`));
const report = JSON.parse(runCli(files));
const findings = [];
const perDoc = new Map(present.map((e) => [e.id, 0]));
for (const file of report) {
  const id = basename(file.file, '.md');
  for (const d of file.diagnostics) {
    findings.push({ id, rule: d.rule, line: d.range.start.line + 1, severity: d.severity, message: d.message, subject: subjectOf(d.message) });
    perDoc.set(id, (perDoc.get(id) ?? 0) + 1);
  }
}

if (args.has('--snapshot')) {
  const lines = findings.map((f) => JSON.stringify({ id: f.id, rule: f.rule, line: f.line, severity: f.severity, subject: f.subject ?? undefined }));
  writeFileSync(join(dataDir, 'baseline-findings.jsonl'), lines.join('\n') + '\n');
  console.log(`accuracy: baseline snapshot of ${findings.length} findings written.`);
}

// ---- verdicts ----------------------------------------------------------------
const verdicts = new Map();
for (const v of readJsonl(join(dataDir, 'verdicts.jsonl'))) {
  if (!['true', 'debatable', 'false'].includes(v.verdict)) throw new Error(`verdict for ${v.id} ${v.rule}:${v.line} is "${v.verdict}"`);
  verdicts.set(key(v.id, v.rule, v.line, v.subject), v);
}
/** The verdict for a finding: the one naming its subject, else the one for its line. */
const verdictOf = (f) => verdicts.get(key(f.id, f.rule, f.line, f.subject)) ?? verdicts.get(key(f.id, f.rule, f.line));
const rules = new Map();
const ruleRow = (rule) => {
  if (!rules.has(rule)) rules.set(rule, { rule, findings: 0, true: 0, debatable: 0, false: 0, unjudged: 0, errors: 0, falseErrors: 0 });
  return rules.get(rule);
};
const unjudged = [];
for (const f of findings) {
  const row = ruleRow(f.rule);
  row.findings++;
  if (f.severity === 'error') row.errors++;
  const v = verdictOf(f);
  if (!v) {
    row.unjudged++;
    unjudged.push(f);
    continue;
  }
  row[v.verdict]++;
  if (v.verdict === 'false' && f.severity === 'error') row.falseErrors++;
}
const totals = [...rules.values()].reduce(
  (t, r) => {
    for (const k of ['findings', 'true', 'debatable', 'false', 'unjudged', 'errors', 'falseErrors']) t[k] += r[k];
    return t;
  },
  { findings: 0, true: 0, debatable: 0, false: 0, unjudged: 0, errors: 0, falseErrors: 0 },
);

// ---- misses ------------------------------------------------------------------
const misses = readJsonl(join(dataDir, 'misses.jsonl'));
const presentIds = new Set(present.map((e) => e.id));
const missRows = misses.map((m) => {
  const rulesWanted = [m.caughtBy?.rule].flat().filter(Boolean);
  const [from, to] = m.caughtBy?.lines ?? [m.line, m.line];
  const caught = findings.some((f) => f.id === m.id && rulesWanted.includes(f.rule) && f.line >= from && f.line <= to);
  return { ...m, caught, absent: !presentIds.has(m.id) };
});
const missesCaught = missRows.filter((m) => m.caught).length;

// ---- kept: baseline findings judged true that are still reported ---------------
const baseline = readJsonl(join(dataDir, 'baseline-findings.jsonl'));
const now = new Set(findings.flatMap((f) => [key(f.id, f.rule, f.line, f.subject), key(f.id, f.rule, f.line)]));
const baselineTrue = baseline.filter((b) => presentIds.has(b.id) && verdictOf(b)?.verdict === 'true');
// The subject only tells apart findings that share a line; elsewhere a reworded message is the same finding.
const sharing = new Map();
for (const b of baseline) sharing.set(key(b.id, b.rule, b.line), (sharing.get(key(b.id, b.rule, b.line)) ?? 0) + 1);
const isKept = (b) => now.has(sharing.get(key(b.id, b.rule, b.line)) > 1 ? key(b.id, b.rule, b.line, b.subject) : key(b.id, b.rule, b.line));
const kept = baselineTrue.filter(isKept);
const lost = baselineTrue.filter((b) => !isKept(b));

const med = median([...perDoc.values()]);

// ---- print -------------------------------------------------------------------
const header = ['rule', 'findings', 'true', 'debatable', 'false', 'unjudged', 'errors', 'false errors'];
const rows = [...rules.values()].sort((a, b) => b.findings - a.findings || a.rule.localeCompare(b.rule));
const table = [header, ...rows.map((r) => [r.rule, r.findings, r.true, r.debatable, r.false, r.unjudged, r.errors, r.falseErrors]),
  ['total', totals.findings, totals.true, totals.debatable, totals.false, totals.unjudged, totals.errors, totals.falseErrors]];
const widths = header.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

const targets = [
  ['findings false', `${fmtPct(totals.false, totals.findings)}`, `≤ ${TARGETS.falsePct}%`, pct(totals.false, totals.findings) <= TARGETS.falsePct],
  ['false error-level findings', `${totals.falseErrors}`, `${TARGETS.falseErrors}`, totals.falseErrors <= TARGETS.falseErrors],
  ['findings true', `${fmtPct(totals.true, totals.findings)}`, `≥ ${TARGETS.truePct}%`, pct(totals.true, totals.findings) >= TARGETS.truePct],
  ['listed misses caught', `${missesCaught} / ${misses.length} (${fmtPct(missesCaught, misses.length)})`, `≥ ${TARGETS.missesCaughtPct}%`, pct(missesCaught, misses.length) >= TARGETS.missesCaughtPct],
  ['median findings per document', `${med}`, `≤ ${TARGETS.medianFindings}`, med <= TARGETS.medianFindings],
  ['baseline true findings kept', `${kept.length} / ${baselineTrue.length} (${fmtPct(kept.length, baselineTrue.length)})`, `≥ ${TARGETS.keptPct}%`, baselineTrue.length > 0 && pct(kept.length, baselineTrue.length) >= TARGETS.keptPct],
];

console.log(`Development set: ${present.length} of ${manifest.length} documents present in .devset/docs`);
for (const m of missingDocs) console.log(`  MISSING ${m.id} (${m.repo}:${m.path}) — run node scripts/accuracy/build-devset.mjs`);
console.log('');
for (const r of table) console.log(line(r));
console.log('');
console.log(`true ${fmtPct(totals.true, totals.findings)}, debatable ${fmtPct(totals.debatable, totals.findings)}, false ${fmtPct(totals.false, totals.findings)}, unjudged ${totals.unjudged} (percentages of all findings)`);
for (const [name, value, target, met] of targets) console.log(`${met ? 'met    ' : 'NOT met'}  ${name}: ${value} (target ${target})`);
if (unjudged.length > 0 && !args.has('--unjudged')) console.log(`\n${unjudged.length} findings have no verdict; list them with npm run accuracy -- --unjudged`);
if (args.has('--unjudged')) {
  console.log('\nUnjudged findings (id, rule, line, severity, message):');
  for (const f of unjudged) console.log(JSON.stringify({ id: f.id, rule: f.rule, line: f.line, severity: f.severity, subject: f.subject ?? undefined, message: f.message }));
}
if (args.has('--misses') || args.has('--write')) {
  console.log('\nMisses not caught:');
  for (const m of missRows.filter((r) => !r.caught)) console.log(`  ${m.id}:${m.line} [${m.kind}] ${m.want}`);
}
if (args.has('--lost')) {
  console.log('\nBaseline true findings no longer reported:');
  for (const b of lost) console.log(`  ${b.id} ${b.rule}:${b.line}`);
}

// ---- ACCURACY.md -------------------------------------------------------------
if (args.has('--write')) {
  const orgs = new Map();
  for (const e of present) {
    const k = e.kind === 'org' ? e.organisation : 'ALX / Holberton curriculum (0x19-postmortem)';
    orgs.set(k, (orgs.get(k) ?? 0) + 1);
  }
  const kinds = { org: present.filter((e) => e.kind === 'org').length, genre: present.filter((e) => e.kind === 'genre').length };
  const owners = present.filter((e) => e.kind === 'genre').length;
  const md = [];
  md.push('# Accuracy on real postmortems');
  md.push('');
  md.push('Generated by `npm run accuracy -- --write` from one run of the built CLI over the development set. Do not edit by hand.');
  md.push('');
  md.push('## Method');
  md.push('');
  md.push(`- **The set** (\`test/accuracy/devset.json\`): ${present.length} real, public postmortems, pinned by repository, commit and path, rebuilt into the git-ignored \`.devset/docs/\` by \`node scripts/accuracy/build-devset.mjs\` (from a local mirror, else \`git fetch\` from GitHub). Their text is never committed. ${kinds.org} were written by ${orgs.size - (owners > 0 ? 1 : 0)} organisations; ${kinds.genre} are in the seed's own genre (the \`0x19-postmortem/README.md\` of ALX / Holberton curriculum repositories, one per owner, owners beginning with a digit or A–M only). The sources kept for independent evaluation are not used.`);
  md.push(`- **The run**: \`node dist/cli.cjs ${CLI_ARGS.join(' ')} <every document by name>\`. Naming files makes the CLI check each as a postmortem (folders and globs are filtered by how a file looks); default template (\`auto\`), no config file.`);
  md.push('- **Verdicts** (`test/accuracy/verdicts.jsonl`): every finding of the baseline engine was judged at its line as a careful senior reviewer would: *true* (a reviewer would want it said), *debatable*, or *false* (wrong, or noise), with a one-line why. Findings are joined to verdicts by (document id, rule, 1-based line); a finding with no verdict is counted *unjudged* and in the denominators, so percentages never improve by leaving findings unjudged.');
  md.push('- **Misses** (`test/accuracy/misses.jsonl`): real problems a reviewer would raise that the tool did not (impossible times, contradicting durations, unowned or vague action items outside an "Action Items" heading, …). A miss counts as caught when a finding of the named rule lands in the named line range of that document.');
  md.push('- **After an engine change** new findings show up as unjudged: list them with `npm run accuracy -- --unjudged`, judge them into `verdicts.jsonl`, then write this page again. `--misses` lists the misses not caught, `--lost` the baseline true findings no longer reported.');
  md.push('- **Kept**: of the findings judged true in the baseline (`test/accuracy/baseline-findings.jsonl`, the engine at commit 52d70a4), how many this run still reports at the same (id, rule, line).');
  md.push('');
  md.push('## Composition');
  md.push('');
  md.push('| source | kind | documents |');
  md.push('|---|---|---:|');
  for (const [k, n] of [...orgs.entries()].sort((a, b) => b[1] - a[1])) md.push(`| ${k} | ${k.startsWith('ALX') ? 'genre' : 'organisation'} | ${n} |`);
  md.push(`| **total** | | **${present.length}** |`);
  if (missingDocs.length > 0) md.push('', `Missing from \`.devset/docs\` in this run: ${missingDocs.map((m) => `\`${m.id}\``).join(', ')}.`);
  md.push('');
  md.push('## Per rule');
  md.push('');
  md.push(`| ${header.join(' | ')} |`);
  md.push(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of table.slice(1)) md.push(`| ${r.join(' | ')} |`);
  md.push('');
  md.push(`Overall: ${fmtPct(totals.true, totals.findings)} true, ${fmtPct(totals.debatable, totals.findings)} debatable, ${fmtPct(totals.false, totals.findings)} false, ${totals.unjudged} unjudged, of ${totals.findings} findings on ${present.length} documents (median ${med} per document).`);
  md.push('');
  // Where the false findings fall, by kind of document: the organisations' shapes and the genre's differ.
  const kindOf = new Map(present.map((e) => [e.id, e.kind]));
  const byKind = { org: { findings: 0, false: 0, true: 0 }, genre: { findings: 0, false: 0, true: 0 } };
  for (const f of findings) {
    const k = byKind[kindOf.get(f.id)];
    k.findings++;
    const v = verdictOf(f)?.verdict;
    if (v === 'false' || v === 'true') k[v]++;
  }
  md.push('| documents | findings | true | false |');
  md.push('|---|---:|---:|---:|');
  for (const [k, v] of Object.entries(byKind)) md.push(`| ${k === 'org' ? 'organisations' : 'genre'} | ${v.findings} | ${v.true} (${fmtPct(v.true, v.findings)}) | ${v.false} (${fmtPct(v.false, v.findings)}) |`);
  md.push('');
  // The baseline engine's figures on the same documents, from its snapshot and the same verdicts.
  const baselinePresent = baseline.filter((b) => presentIds.has(b.id));
  const baselineCount = (verdict) => baselinePresent.filter((b) => verdictOf(b)?.verdict === verdict).length;
  const baselineFalseErrors = baselinePresent.filter((b) => b.severity === 'error' && verdictOf(b)?.verdict === 'false').length;
  md.push('## Against the baseline (the engine at commit 52d70a4)');
  md.push('');
  md.push('| | findings | true | debatable | false | false errors |');
  md.push('|---|---:|---:|---:|---:|---:|');
  md.push(`| baseline | ${baselinePresent.length} | ${fmtPct(baselineCount('true'), baselinePresent.length)} | ${fmtPct(baselineCount('debatable'), baselinePresent.length)} | ${fmtPct(baselineCount('false'), baselinePresent.length)} | ${baselineFalseErrors} |`);
  md.push(`| this run | ${totals.findings} | ${fmtPct(totals.true, totals.findings)} | ${fmtPct(totals.debatable, totals.findings)} | ${fmtPct(totals.false, totals.findings)} | ${totals.falseErrors} |`);
  md.push('');
  md.push('## Targets (issue #11)');
  md.push('');
  md.push('| measure | this run | target | |');
  md.push('|---|---:|---:|---|');
  for (const [name, value, target, met] of targets) md.push(`| ${name} | ${value} | ${target} | ${met ? 'met' : '**not met**'} |`);
  md.push('');
  md.push(`## Misses (${missesCaught} of ${misses.length} caught)`);
  md.push('');
  const missKinds = new Map();
  for (const m of missRows) {
    const row = missKinds.get(m.kind) ?? { listed: 0, caught: 0 };
    row.listed++;
    if (m.caught) row.caught++;
    missKinds.set(m.kind, row);
  }
  md.push('| kind | listed | caught |');
  md.push('|---|---:|---:|');
  for (const [k, r] of [...missKinds.entries()].sort((a, b) => b[1].listed - a[1].listed)) md.push(`| ${k} | ${r.listed} | ${r.caught} |`);
  md.push('');
  writeFileSync(join(root, 'docs', 'ACCURACY.md'), md.join('\n'));
  console.log('\ndocs/ACCURACY.md written.');
}
