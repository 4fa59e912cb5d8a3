// Every regular expression in server/src: the literals, read from the source
// with the TypeScript parser, and the ones built with `new RegExp(…)`, caught
// as they are constructed while the engine analyses real documents (a Proxy on
// the global RegExp, with source maps on so each is traced to its line). The
// test then checks that every `new RegExp` site in the source was seen.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const SERVER_SOURCE = fileURLToPath(new URL('../../../../server/src/', import.meta.url));

export interface InventoriedRegex {
  /** "model/metrics.ts:13", relative to server/src. */
  site: string;
  source: string;
  flags: string;
  origin: 'literal' | 'new RegExp';
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals, and the sites of `new RegExp(…)` / `RegExp(…)` calls, from the TypeScript sources. */
export function scanSources(): { literals: InventoriedRegex[]; constructorSites: string[] } {
  const literals: InventoriedRegex[] = [];
  const constructorSites: string[] = [];
  for (const file of sourceFiles(SERVER_SOURCE)) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const rel = relative(SERVER_SOURCE, file);
    const visit = (node: ts.Node): void => {
      const site = `${rel}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const slash = text.lastIndexOf('/');
        literals.push({ site, source: text.slice(1, slash), flags: text.slice(slash + 1), origin: 'literal' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        constructorSites.push(site);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, constructorSites };
}

/**
 * Runs `exercise` (which must import the engine itself, so that module-level
 * patterns are built now) with every RegExp construction recorded, and returns
 * those made from server/src, by site. Call it before anything in this process
 * has imported server code.
 */
export async function captureConstructed(exercise: () => Promise<void>): Promise<InventoriedRegex[]> {
  const Native = globalThis.RegExp;
  const seen = new Map<string, InventoriedRegex>();
  const marker = SERVER_SOURCE;
  process.setSourceMapsEnabled(true);
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: unknown[], newTarget: NewableFunction) {
      const made = Reflect.construct(target, args, newTarget) as RegExp;
      const frame = new Error().stack?.split('\n').find((line) => line.includes(marker));
      const match = frame ? /server\/src\/(.+?\.ts):(\d+):\d+/.exec(frame) : null;
      if (match) {
        const site = `${match[1]!}:${match[2]!}`;
        const key = `${site} /${made.source}/${made.flags}`;
        if (!seen.has(key)) seen.set(key, { site, source: made.source, flags: made.flags, origin: 'new RegExp' });
      }
      return made;
    },
  });
  try {
    await exercise();
  } finally {
    globalThis.RegExp = Native;
  }
  return [...seen.values()];
}
