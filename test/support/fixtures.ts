import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's test/fixtures folder, found from this compiled file (out/test/support). */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
export const SEED = join(FIXTURES, 'load-balancer-coffee-break.md');
/** Realistic postmortems in every template and shape; test/corpus/EXPECTATIONS.md says what a reviewer finds in each and why. */
export const CORPUS = fileURLToPath(new URL('../../../test/corpus/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureFiles(folder = FIXTURES): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...fixtureFiles(path));
    else if (entry.name.endsWith('.md') && entry.name !== 'EXPECTATIONS.md') files.push(path);
  }
  return files.sort();
}

export function fixtureName(path: string): string {
  return relative(FIXTURES, path);
}

/**
 * Expectations written in the fixture itself: `<!-- expect: rule-id -->` at
 * the end of the line where a finding must start. Sorted "line:rule" strings
 * (0-based lines), so a test compares them with one deepEqual.
 */
export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(/<!--\s*expect:\s*([\w\s,-]+?)\s*-->/g)) {
      for (const rule of match[1]!.split(',')) expected.push(`${index}:${rule.trim()}`);
    }
  });
  return expected.sort();
}
