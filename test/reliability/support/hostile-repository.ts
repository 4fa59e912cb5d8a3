// A generated repository holding every trap a cloned repository can set for
// the language server and the CLI at once: configs that crash parsers, paths
// that point at devices and pipes, patterns that backtrack, files that --fix
// must not damage, names that look like globs, text that drives terminals,
// and documents too large to analyse. The hostile-repository test runs the
// real server and CLI over it.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A small postmortem whose only fixable problem is its missing duration: the
 * timeline's dated milestones in UTC prove it (45 minutes), so --fix has a
 * certain edit to make.
 */
export function fixablePostmortem(title: string): string {
  return [
    `# ${title}`,
    '',
    '## Issue Summary',
    '',
    'Checkout requests failed for 1,200 users (ABC-123).',
    '',
    '## Timeline (UTC)',
    '',
    '- 2024-03-02 14:00 Impact begins: checkout errors start',
    '- 2024-03-02 14:05 Alert fires and the on-call engineer is paged',
    '- 2024-03-02 14:45 Impact ends: the rollback completes and errors stop',
    '',
    '## Root Cause and Resolution',
    '',
    'A configuration change removed the pool size limit; rolling it back resolved the errors.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Validate pool settings in CI (owner: @dana, ABC-124)',
    '',
  ].join('\n');
}

export interface HostileRepository {
  root: string;
  /** Postmortems that `--fix` is asked to fix (absolute paths). Only these may change, and only in their text. */
  fixTargets: string[];
  /** Files and pipes --fix is named for but must refuse (absolute paths). */
  refusedFixTargets: string[];
  /** Every Markdown file a server should be able to open (absolute paths of regular files). */
  documents: string[];
  /** The one document above the size cap. */
  oversized: string;
  /** A path outside the repository that is a hard link of a fix target: it must see the fixed text. */
  hardLinkTwin: string;
}

function write(root: string, path: string, content: string | Buffer): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

function fifo(root: string, path: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  execFileSync('mkfifo', [full]);
  return full;
}

function link(root: string, path: string, target: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  symlinkSync(target, full);
  return full;
}

/** UTF-32LE bytes of a string (its BOM included when the string starts with U+FEFF). */
function utf32le(text: string): Buffer {
  const points = Array.from(text, (char) => char.codePointAt(0)!);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => bytes.writeUInt32LE(point, index * 4));
  return bytes;
}

/** A YAML "billion laughs": nine levels of aliases, each nine times the last. */
function yamlAliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level++) {
    const previous = `*${names[level - 1]!}`;
    lines.push(`${names[level]!}: &${names[level]!} [${Array(9).fill(previous).join(',')}]`);
  }
  lines.push('rules: *i');
  return `${lines.join('\n')}\n`;
}

/** Writes a document of about `bytes` bytes: a timeline of many entries, without holding it all in memory twice. */
function writeLargeTimeline(full: string, bytes: number): void {
  mkdirSync(dirname(full), { recursive: true });
  const fd = openSync(full, 'w');
  try {
    writeSync(fd, '# Large incident\n\n## Timeline (UTC)\n\n');
    const line = '- 2024-03-02 14:00 Retries continued against the primary database cluster\n';
    const block = line.repeat(Math.ceil(1_000_000 / line.length));
    let written = 0;
    while (written < bytes) written += writeSync(fd, block);
    ftruncateSync(fd, written);
  } finally {
    closeSync(fd);
  }
}

export function makeHostileRepository(options: { oversizedBytes: number }): HostileRepository {
  const root = mkdtempSync(join(tmpdir(), 'pm-hostile-repo-'));
  const documents: string[] = [];
  const doc = (path: string, content: string | Buffer): string => {
    const full = write(root, path, content);
    documents.push(full);
    return full;
  };

  // Configs that crash parsers or never end. Each governs one postmortem in its folder.
  write(root, 'yaml-unanchored/.postmortemrc.yaml', 'rules: *nope\n');
  doc('yaml-unanchored/postmortems/incident.md', fixablePostmortem('Unanchored alias'));
  write(root, 'yaml-bomb/.postmortemrc.yaml', yamlAliasBomb());
  doc('yaml-bomb/postmortems/incident.md', fixablePostmortem('Alias bomb'));
  write(root, 'json-deep/.postmortemrc.json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
  doc('json-deep/postmortems/incident.md', fixablePostmortem('Deep JSON'));
  write(root, 'extends-zero/.postmortemrc.json', '{ "extends": "/dev/zero" }\n');
  doc('extends-zero/postmortems/incident.md', fixablePostmortem('Extends /dev/zero'));
  link(root, 'link-zero/.postmortemrc.json', '/dev/zero');
  doc('link-zero/postmortems/incident.md', fixablePostmortem('Config is /dev/zero'));
  write(root, 'extends-stdin/.postmortemrc.json', '{ "extends": "/dev/stdin" }\n');
  doc('extends-stdin/postmortems/incident.md', fixablePostmortem('Extends /dev/stdin'));
  fifo(root, 'fifo-config/.postmortemrc.json');
  doc('fifo-config/postmortems/incident.md', fixablePostmortem('Config is a FIFO'));
  write(root, 'extends-folder/.postmortemrc.json', '{ "extends": "/etc" }\n');
  doc('extends-folder/postmortems/incident.md', fixablePostmortem('Extends a folder'));
  write(root, 'template-zero/.postmortemrc.json', '{ "template": "/dev/zero" }\n');
  doc('template-zero/postmortems/incident.md', fixablePostmortem('Template is /dev/zero'));

  // Patterns that backtrack: a custom template section pattern and an include glob.
  write(root, 'redos-template/.postmortemrc.json', '{ "template": "our-template.json" }\n');
  write(
    root,
    'redos-template/our-template.json',
    JSON.stringify({ name: 'Ours', sections: [{ heading: 'Summary', pattern: '^(a|a)+$' }, { heading: 'Timeline', kinds: ['timeline'] }] }),
  );
  doc('redos-template/postmortems/incident.md', `${fixablePostmortem('Backtracking pattern')}\n## ${'a'.repeat(35)}!\n\nText.\n`);
  write(root, 'redos-glob/.postmortemrc.json', JSON.stringify({ include: [`**/${'*a'.repeat(24)}b.md`] }));
  doc(`redos-glob/notes/${'a'.repeat(60)}.md`, '# Notes\n\nNot a postmortem.\n');
  write(root, 'relative-include/.postmortemrc.json', '{ "include": ["reports/*.md"] }\n');
  doc('relative-include/reports/outage.md', fixablePostmortem('Relative include'));

  // Files --fix is named for: ordinary, hard-linked, odd names, UTF-16, nested shapes.
  const fixTargets = [
    doc('postmortems/plain.md', fixablePostmortem('Plain')),
    doc('postmortems/incident?.md', fixablePostmortem('Question mark in the name')),
    doc('postmortems/a[1].md', fixablePostmortem('Brackets in the name')),
    doc('postmortems/100% #1.md', fixablePostmortem('Percent and hash in the name')),
    doc('postmortems/hard-linked.md', fixablePostmortem('Hard-linked')),
    doc('postmortems/utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixablePostmortem('UTF-16 with a BOM'), 'utf16le')])),
    doc('postmortems/mode-0640.md', fixablePostmortem('Group-readable, owned by nobody')),
    doc('postmortems/café ☕.md', fixablePostmortem('Non-ASCII name')),
    doc('postmortems/esc\u001b[31m.md', fixablePostmortem('An escape in the name')),
    doc('postmortems/utf32.md', utf32le(`\uFEFF${fixablePostmortem('UTF-32 with a BOM')}`)),
  ];
  chmodSync(join(root, 'postmortems/mode-0640.md'), 0o640);
  chownSync(join(root, 'postmortems/mode-0640.md'), 65534, 65534);
  const hardLinkTwin = join(root, 'elsewhere', 'hard-linked-twin.md');
  mkdirSync(dirname(hardLinkTwin), { recursive: true });
  linkSync(join(root, 'postmortems/hard-linked.md'), hardLinkTwin);

  const readOnly = doc('postmortems/read-only.md', fixablePostmortem('Read-only'));
  chmodSync(readOnly, 0o444);
  // A character device of its own (the null device's numbers), never the machine's /dev/null.
  const device = join(root, 'devices', 'null-copy');
  mkdirSync(dirname(device), { recursive: true });
  execFileSync('mknod', [device, 'c', '1', '3']);
  const refusedFixTargets = [readOnly, link(root, 'postmortems/device.md', device), fifo(root, 'postmortems/pipe.md'), link(root, 'postmortems/pipe-link.md', 'pipe.md')];

  // Text that drives terminals, an action item inside a timeline, a century between entries.
  doc('postmortems/escapes.md', `${fixablePostmortem('Escape \u001b]0;owned\u0007 \u001b[2J title')}\nA line with \u001b[31mred\u001b[0m and a bell \u0007.\n`);
  doc(
    'postmortems/nested.md',
    ['# Nested', '', '## Action Items', '', '### Timeline', '', '- 10:00 Rotate the database credentials', '  - [ ] Rotate them again (owner: @sam)', '', '## Summary', '', 'Text.', ''].join('\n'),
  );
  doc(
    'postmortems/century.md',
    ['# A century', '', '## Timeline (UTC)', '', '- 1924-03-02 14:00 First entry', '- 2024-03-02 14:00 Second entry', '', '## Summary', '', 'Text.', ''].join('\n'),
  );
  doc('postmortems/heading-markup.md', fixablePostmortem('[click](command:workbench.action.quit) <img src=x onerror=alert(1)>'));

  const oversized = join(root, 'postmortems', 'huge-timeline.md');
  writeLargeTimeline(oversized, options.oversizedBytes);
  documents.push(oversized);

  return { root, fixTargets, refusedFixTargets, documents, oversized, hardLinkTwin };
}
