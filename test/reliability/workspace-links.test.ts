// What a workspace can make the editor open or render. Ticket links are
// built from `postmortem.ticketUrl`, which a cloned repository's
// .vscode/settings.json can set: only http(s) links may come out of it, and
// it does not apply from workspace settings in Restricted Mode. Hovers are
// Markdown: heading text, entry text and a custom template's name and
// purpose go in as literal text, never as links, images or HTML. Both over
// the protocol, with the real spawned server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { DocumentLinkRequest, HoverRequest, type DocumentLink, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { SpawnedServer } from '../support/spawned-server.js';
import { within } from './support/lsp-process.js';
import { markdownText } from '../../server/src/features/markdown-text.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const TICKETS = [
  '# Postmortem: ticket links',
  '',
  '**Duration**: 30m',
  '',
  '## Action Items',
  '',
  '- [ ] Add a pool alert (owner: @alice) OPS-1230',
  '- [ ] Cap retries (owner: @bob) OPS-1231',
  '',
].join('\n');

/** ticketUrl values a hostile workspace could set, each of which must give no link at all. */
const HOSTILE_TICKET_URLS = [
  'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22{ticket}%22%7D',
  'javascript:alert("{ticket}")',
  'JavaScript:alert(1)//{ticket}',
  '  javascript:alert(1)//{ticket}',
  'file:///etc/passwd#{ticket}',
  'vscode://vscode.git/clone?url={ticket}',
  'vscode-insiders://ms-vscode-remote.remote-ssh/{ticket}',
  'data:text/html,<script>alert("{ticket}")</script>',
  'ssh://evil.example.com/{ticket}',
  '//evil.example.com/{ticket}',
  '{ticket}',
  'ftp://example.com/{ticket}',
];

function links(server: SpawnedServer, uri: string): Promise<DocumentLink[]> {
  return within(server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }), 10_000, `the answer to documentLink for ${uri}`).then((answer) => answer ?? []);
}

test(`documentLink: a ticketUrl with another scheme than https/http gives no link (${HOSTILE_TICKET_URLS.length} hostile values); https and http still do`, async () => {
  const { server } = await SpawnedServer.start({ settings: { ticketUrl: '' } });
  try {
    const uri = 'file:///work/postmortems/tickets.md';
    await within(server.open(uri, TICKETS), 10_000, 'the first diagnostics');
    const emitted: string[] = [];
    for (const ticketUrl of HOSTILE_TICKET_URLS) {
      server.settings = { ticketUrl };
      await server.changeConfiguration();
      for (const link of await links(server, uri)) emitted.push(`${ticketUrl} → ${String(link.target)}`);
    }
    assert.deepEqual(emitted, [], 'no link from a hostile ticketUrl');
    for (const base of ['https://jira.example.com/browse/', 'HTTP://tracker.example.com/issue/']) {
      server.settings = { ticketUrl: `${base}{ticket}` };
      await server.changeConfiguration();
      assert.deepEqual(
        (await links(server, uri)).map((link) => link.target),
        [`${base}OPS-1230`, `${base}OPS-1231`],
        `${base}{ticket} gives links`,
      );
    }
    assert.equal(await server.stop(), 0);
  } finally {
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
  }
});

test('package.json: workspace settings that build links or choose where files are written do not apply in Restricted Mode', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  // VS Code honours restrictedConfigurations only for "limited" support.
  assert.equal(untrusted.supported, 'limited');
  const restricted = untrusted.restrictedConfigurations ?? [];
  assert.ok(restricted.includes('postmortem.ticketUrl'), 'postmortem.ticketUrl is restricted');
  assert.ok(restricted.includes('postmortem.newPostmortemFolder'), 'postmortem.newPostmortemFolder is restricted');
  for (const key of restricted) assert.ok(key in manifest.contributes.configuration.properties, `${key} is a contributed setting`);
});

/**
 * GFM shows a bare "https://…", "www.…" or e-mail address as a link whose text
 * is its target, as the editor does in the document itself: harmless. Any
 * other link is not.
 */
function bareAutolink(node: RootContent): boolean {
  if (node.type !== 'link') return false;
  const text = toString(node);
  return /^https?:/i.test(node.url) ? node.url === text || node.url === `http://${text}` : node.url === `mailto:${text}`;
}

/** Nodes of a kind a reader could click or that render as something else than text. */
function activeNodes(tree: Root): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type !== 'root' && !bareAutolink(node) && ['link', 'linkReference', 'image', 'imageReference', 'html', 'definition'].includes(node.type)) found.push(`${node.type}: ${JSON.stringify(node)}`);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

const HOSTILE_HEADING = '[click](command:foo) <img src=x> ![i](file:///etc/passwd) https://evil.example.com www.evil.example.com a@evil.example.com &lt;b&gt;';

test('hover: heading text and a custom template\'s name and purpose render as literal text, never as a link, image or HTML', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-hover-'));
  writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ template: 'ours.json' }));
  writeFileSync(
    join(folder, 'ours.json'),
    JSON.stringify({
      name: 'Ours <script>alert(1)</script> [docs](command:workbench.action.openSettings)',
      sections: [
        { heading: 'Summary', kinds: ['summary'], purpose: 'What happened. <img src=x onerror=alert(1)> [more](javascript:alert(1))' },
        { heading: 'Timeline', kinds: ['timeline'], purpose: '# Not a heading\n- not a list' },
      ],
    }),
  );
  const { server } = await SpawnedServer.start();
  try {
    const uri = pathToFileURL(join(folder, 'incident.md')).href;
    const text = ['# Postmortem: hostile headings', '', '**Duration**: 30m', '', `## Summary ${HOSTILE_HEADING}`, '', 'The API failed.', '', `## ${HOSTILE_HEADING}`, '', '## Timeline', '', '- 10:00 UTC impact begins', '- 10:30 UTC resolved', ''].join('\n');
    await within(server.open(uri, text), 10_000, 'the first diagnostics');
    assert.deepEqual(server.messages, [], 'the config and the template are valid');
    const lines = text.split('\n');
    const hoverAt = async (line: number, character: number): Promise<string> => {
      const hover = await within(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 10_000, `the hover at ${line}:${character}`);
      assert.ok(hover, `a hover at ${line}:${character} (${lines[line]!})`);
      return ((hover).contents as MarkupContent).value;
    };
    const hovers = [await hoverAt(4, 4), await hoverAt(8, 4), await hoverAt(10, 4), await hoverAt(12, 3)];
    for (const markdown of hovers) {
      const tree = parse(markdown);
      assert.deepEqual(activeNodes(tree), [], `nothing active in ${JSON.stringify(markdown)}`);
      // GFM turns bare URLs and e-mail addresses into links too: none of those either (checked above); the words are all there.
      assert.doesNotMatch(toString(tree), /\\/, `no escape shows: ${toString(tree)}`);
    }
    // The heading as the engine reads it (its text: a link's words, no image, no HTML, entities decoded) shows literally, the "<b>" as "<b>".
    const heading = 'click i https://evil.example.com www.evil.example.com a@evil.example.com <b>';
    assert.ok(toString(parse(hovers[0]!)).includes(`Summary ${heading}`), `the heading reads as written: ${toString(parse(hovers[0]!))}`);
    assert.ok(toString(parse(hovers[0]!)).includes('Ours <script>alert(1)</script> [docs](command:workbench.action.openSettings) template'), `the template name reads as written: ${toString(parse(hovers[0]!))}`);
    assert.ok(toString(parse(hovers[1]!)).includes(heading), `the other heading reads as written: ${toString(parse(hovers[1]!))}`);
    assert.ok(toString(parse(hovers[2]!)).includes('# Not a heading - not a list'), `the purpose reads as written, on one line: ${toString(parse(hovers[2]!))}`);
    assert.equal(await server.stop(), 0);
  } finally {
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
});

test('markdownText: any text, at the start of a line, inside emphasis or after a list marker, is nothing active, and reads back as itself (500 strings)', () => {
  const punctuation = fc.constantFrom(...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ aZ09\n\t'.split(''), 'https://', 'www.', 'a@b.co', '<img src=x>', '&amp;', '1. ', '- ', '    ', '---', '===');
  fc.assert(
    fc.property(fc.array(punctuation, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      const expected = text.replace(/\s+/g, ' ').trim();
      for (const markdown of [markdownText(text), `**${markdownText(text)}** — section`, `- ${markdownText(text)}: x`]) {
        const tree = parse(markdown);
        assert.deepEqual(activeNodes(tree), [], `nothing active in ${JSON.stringify(markdown)}`);
        if (markdown === markdownText(text) && expected !== '') assert.equal(toString(tree), expected, `${JSON.stringify(markdown)} reads as ${JSON.stringify(expected)}`);
      }
    }),
    { seed: 20_240_410, numRuns: 500 },
  );
});
