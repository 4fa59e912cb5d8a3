#!/usr/bin/env node
// Takes honest screenshots of Postmortem Writer in the real VS Code workbench
// (same server and browser as scripts/vscode/start.mjs, but with throwaway temp dirs).
//
// CLI:  node scripts/vscode/screenshot.mjs [file] [out.png] [--wait-for <css selector>]
//   file      file to open, relative to the opened folder (default: the first
//             .md file under examples/ by path, READMEs last)
//   out.png   default docs/images/workbench.png
//   --wait-for  also wait for this selector before the shot, e.g.
//             '.squiggly-warning' (diagnostics painted) or '.quick-input-widget'
//   --no-build  skip `npm run build`
// Env overrides as in start.mjs: E2E_EXTENSION_PATH, E2E_WORKSPACE (folder).
//
// As a module:
//   await takeScreenshots([
//     { open: 'incident.md', waitFor: '.squiggly-warning', out: 'docs/images/diagnostics.png' },
//     { keys: ['Control+Shift+O'], waitFor: '.quick-input-widget', out: 'docs/images/symbols.png' },
//   ]);
// Steps run in order on the same page: `open` opens a file (Quick Open after the
// first), `keys` are pressed one after another, `type` is typed, `waitFor` is
// awaited (selector), then the page is saved to `out` (if given).

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureVSCode, repoRoot } from './vscode-setup.mjs';
import { startVSCodeServer, workbenchUrl, launchBrowser, makeTempDir, waitForWorkbench } from './vscode-server.mjs';
import { ensureBuilt, extensionPath as defaultExtensionPath, examplesDir } from './start.mjs';

// Stable pixels: no blinking cursor, no hover delays or animations mid-shot.
const SCREENSHOT_SETTINGS = {
  'editor.cursorBlinking': 'solid',
  'workbench.reduceMotion': 'on',
  'editor.minimap.enabled': false,
};

// Installs the extension the way a user has it: a link in the extensions dir
// named <publisher>.<name>-<version>. (Loading it as a development extension
// would also work, but then the title bar reads "[Extension Development Host]".)
function installBySymlink(extensionPath, extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.symlinkSync(extensionPath, path.join(extensionsDir, id));
}

// The first postmortem-looking file: .md files anywhere under dir, sorted by
// path, READMEs last (they describe the folder, they are not examples).
function firstMarkdown(dir) {
  const md = fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.md') && !f.split(path.sep).includes('node_modules'))
    .sort((a, b) => (/readme\.md$/i.test(a) - /readme\.md$/i.test(b)) || a.localeCompare(b));
  return md[0];
}

/* global document, requestAnimationFrame -- page.evaluate and waitForFunction callbacks run in the workbench page */

// Two animation frames: whatever the DOM holds now has been painted.
async function painted(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// The editor for `file` is the active tab and has rendered text lines.
async function waitForEditor(page, file, timeout) {
  const name = path.basename(file);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.tabs-container .tab.active .label-name')].some((el) => el.textContent.trim() === n),
    name,
    { timeout },
  );
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines .view-line', { timeout });
  // Markdown is coloured once its grammar has loaded: wait for a token that is
  // not the default colour (mtk1), so shots never show half-highlighted text.
  if (/\.(md|markdown)$/i.test(name)) {
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines .view-line span span:not(.mtk1)', { timeout });
  }
}

/**
 * @param {Array<{open?: string, keys?: string[], type?: string, waitFor?: string, out?: string}>} steps
 * @param {{folder?: string, extensionPath?: string, settings?: object, timeout?: number, build?: boolean, development?: boolean}} [options]
 *   development: load the extension as a development extension instead of installing it
 * @returns {Promise<string[]>} the PNG files written
 */
export async function takeScreenshots(steps, { folder = examplesDir, extensionPath = defaultExtensionPath, settings = {}, timeout = 60_000, build = true, development = false } = {}) {
  if (build) ensureBuilt();
  await ensureVSCode();
  const tmp = makeTempDir('pmw-shot-');
  const extensionsDir = path.join(tmp, 'extensions');
  if (!development) installBySymlink(extensionPath, extensionsDir);
  const server = await startVSCodeServer({
    dataDir: path.join(tmp, 'data'),
    extensionsDir,
    settings: { ...SCREENSHOT_SETTINGS, ...settings },
  });
  const { page, close } = await launchBrowser();
  const written = [];
  try {
    // The first file opens through the URL (payload "openFile"), the rest
    // through Quick Open, like a user would.
    const first = steps[0]?.open;
    const url = workbenchUrl({
      port: server.port,
      folder,
      extensionDevelopmentPath: development ? extensionPath : undefined,
      openFile: first ? path.resolve(folder, first) : undefined,
    });
    await page.goto(url);
    await waitForWorkbench(page, { timeout, folder: fs.readdirSync(folder).length > 0 });
    for (const [i, step] of steps.entries()) {
      if (step.open) {
        if (i > 0) {
          await page.keyboard.press('Control+P');
          await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
          await page.keyboard.type(step.open);
          // Wait until Quick Open lists the file before accepting.
          await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(step.open)}"]`, { timeout });
          await page.keyboard.press('Enter');
        }
        await waitForEditor(page, step.open, timeout);
      }
      for (const key of step.keys ?? []) await page.keyboard.press(key);
      if (step.type) await page.keyboard.type(step.type);
      if (step.waitFor) await page.waitForSelector(step.waitFor, { timeout });
      if (step.out) {
        const out = path.resolve(repoRoot, step.out);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        await painted(page);
        await page.screenshot({ path: out });
        written.push(out);
      }
    }
  } catch (e) {
    e.message += `\n--- VS Code server log (tail) ---\n${server.logTail().slice(-20).join('\n')}`;
    throw e;
  } finally {
    await close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

async function main() {
  const args = process.argv.slice(2);
  const positional = [];
  let waitFor;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--wait-for') waitFor = args[++i];
    else if (args[i] !== '--no-build') positional.push(args[i]);
  }
  const file = positional[0] ?? firstMarkdown(examplesDir);
  const out = positional[1] ?? path.join('docs', 'images', 'workbench.png');
  if (!file) throw new Error(`no .md file in ${examplesDir}; pass the file to open`);
  if (!fs.existsSync(path.resolve(examplesDir, file))) throw new Error(`${path.resolve(examplesDir, file)} does not exist (usage: screenshot.mjs [file] [out.png])`);
  const [png] = await takeScreenshots([{ open: file, waitFor, out }], { build: !args.includes('--no-build') });
  console.log(`[screenshot] saved ${path.relative(process.cwd(), png)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[screenshot] ${e.stack || e.message}`);
    process.exit(1);
  });
}
