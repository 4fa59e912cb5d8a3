// Debian's Neovim (0.7.2 on Debian 12), headless, against the built server:
// test/neovim/init.lua starts `node dist/server.cjs --stdio` for the markdown
// buffer with Neovim's own LSP client, waits for the first publishDiagnostics
// and writes what vim.diagnostic.get() then holds as JSON. Expectations come
// from the fixtures' own `<!-- expect: rule -->` annotations. `npm test`
// installs the neovim package when it is missing (scripts/system-packages.mjs);
// here a missing nvim is a failure, not a skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectedFindings, FIXTURES, readFixture } from '../support/fixtures.js';

const SERVER_BUNDLE = fileURLToPath(new URL('../../../dist/server.cjs', import.meta.url));
const INIT_LUA = fileURLToPath(new URL('../../../test/neovim/init.lua', import.meta.url));
const NVIM = process.env.PMW_NVIM ?? 'nvim';
/** init.lua gives up on its own after this; the spawn timeout below is the backstop. */
const NVIM_TIMEOUT_MS = 20_000;

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string | number | null;
  source: string | null;
  message: string;
  severity: number;
  severity_name: string | null;
}

interface NeovimResult {
  ok: boolean;
  nvim_version: string;
  initialized: boolean;
  server_name: string | null;
  attached: boolean;
  published: boolean;
  publish_count: number;
  uri: string | null;
  filetype: string | null;
  diagnostics: NeovimDiagnostic[];
  server_exit_code: number | null;
  error: string | null;
}

/**
 * Copies a fixture into <tmp>/<folder>/ (postmortems/ makes the server treat it as one by its path),
 * opens it in headless Neovim and returns what Neovim received.
 */
function diagnosticsInNeovim(fixture: string, folderName = 'postmortems'): { result: NeovimResult; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pmw-nvim-'));
  try {
    const parent = join(folder, folderName);
    mkdirSync(parent);
    const file = join(parent, basename(fixture));
    copyFileSync(join(FIXTURES, fixture), file);
    const out = join(folder, 'result.json');
    const home = join(folder, 'home');
    const run = spawnSync(NVIM, ['--headless', '--clean', '-n', '-u', INIT_LUA, file], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: NVIM_TIMEOUT_MS + 10_000,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        PMW_SERVER: SERVER_BUNDLE,
        PMW_NODE: process.execPath,
        PMW_NVIM_OUT: out,
        PMW_NVIM_TIMEOUT_MS: String(NVIM_TIMEOUT_MS),
        // Keep Neovim's log, state and any user configuration out of the way.
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
      },
    });
    const output = `exit ${String(run.status)} ${String(run.signal)}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
    if (run.error) {
      const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
      assert.fail(missing ? `${NVIM} is not installed (npm test installs Debian's neovim package; or: apt-get install neovim)` : `running ${NVIM} failed: ${run.error.message}\n${output}`);
    }
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      assert.fail(`Neovim wrote no result to ${out}\n${output}`);
    }
    const result = JSON.parse(text) as NeovimResult;
    // Lua's empty table encodes as {} or [] depending on the version.
    if (!Array.isArray(result.diagnostics)) result.diagnostics = [];
    assert.ok(result.ok, `Neovim reported: ${result.error ?? 'no error, yet not ok'}\n${JSON.stringify(result, null, 2)}\n${output}`);
    assert.equal(run.status, 0, output);
    assertConversation(result, file);
    return { result, file };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The parts every run must agree on: the server ran, the buffer attached, a publish arrived for it, and the server stopped cleanly. */
function assertConversation(result: NeovimResult, file: string): void {
  assert.equal(result.initialized, true, 'the server answered initialize');
  assert.equal(result.server_name, 'Postmortem Writer');
  assert.equal(result.attached, true, 'the buffer was attached to the client');
  assert.equal(result.filetype, 'markdown');
  assert.equal(result.uri, pathToFileURL(file).toString());
  assert.equal(result.published, true, 'a publishDiagnostics for the buffer arrived');
  assert.ok(result.publish_count >= 1);
  assert.equal(result.server_exit_code, 0, 'the server exited with 0 after shutdown and exit');
  for (const diagnostic of result.diagnostics) assert.equal(diagnostic.source, 'postmortem', JSON.stringify(diagnostic));
}

/** Neovim's diagnostics as the fixtures' `<!-- expect: rule -->` annotations state them: sorted "line:rule". */
function findings(result: NeovimResult): string[] {
  return result.diagnostics.map((d) => `${d.lnum}:${String(d.code)}`).sort();
}

test('Neovim shows the out-of-order timeline entry as an error on its line', () => {
  const { result } = diagnosticsInNeovim('seed-variants/swapped-entries.md');
  assert.deepEqual(findings(result), expectedFindings(readFixture('seed-variants/swapped-entries.md')));
  const outOfOrder = result.diagnostics.filter((d) => d.code === 'timeline-out-of-order');
  assert.equal(outOfOrder.length, 1, JSON.stringify(result.diagnostics, null, 2));
  const [diagnostic] = outOfOrder;
  assert.equal(diagnostic!.source, 'postmortem');
  assert.equal(diagnostic!.lnum, 16);
  assert.equal(diagnostic!.severity, 1, 'vim.diagnostic.severity.ERROR');
  assert.match(diagnostic!.message, /09:05 AM/);
  assert.match(diagnostic!.message, /09:15 AM/);
});

test('Neovim shows a missing duration as a warning on the summary line', () => {
  const { result } = diagnosticsInNeovim('seed-variants/no-duration.md');
  assert.deepEqual(findings(result), expectedFindings(readFixture('seed-variants/no-duration.md')));
  assert.deepEqual(
    result.diagnostics.filter((d) => d.code === 'missing-duration').map((d) => ({ lnum: d.lnum, source: d.source, severity: d.severity })),
    [{ lnum: 2, source: 'postmortem', severity: 2 }],
  );
});

test('Neovim receives exactly the findings the seed postmortem states for itself', () => {
  const { result } = diagnosticsInNeovim('load-balancer-coffee-break.md');
  assert.deepEqual(findings(result), expectedFindings(readFixture('load-balancer-coffee-break.md')));
});

test('Neovim receives an empty diagnostics list, not silence, for a document without problems', () => {
  // Not a postmortem (and not in a postmortems/ folder): the server still answers, with nothing.
  const { result } = diagnosticsInNeovim('not-postmortems/README.md', 'notes');
  assert.equal(result.published, true);
  assert.deepEqual(result.diagnostics, []);
});
