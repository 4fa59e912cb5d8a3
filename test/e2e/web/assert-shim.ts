// node:assert/strict for the extension-host suite in the web worker, where Node's
// assert does not exist: the few assertions the suite uses, with the same meaning
// (strict equality, deep strict equality of plain data, regular expressions).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function deepStrictEqual(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return false;
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return false;
  if (Array.isArray(actual)) {
    const other = expected as unknown[];
    return actual.length === other.length && actual.every((item, index) => deepStrictEqual(item, other[index]));
  }
  const keys = Object.keys(actual);
  const otherKeys = Object.keys(expected);
  return keys.length === otherKeys.length && keys.every((key) => Object.prototype.hasOwnProperty.call(expected, key) && deepStrictEqual((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(actual)} to equal ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected ${show(actual)} not to equal ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepStrictEqual(actual, expected)) fail(message, `expected ${show(actual)} to deep-equal ${show(expected)}`);
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `expected ${show(value)} to match ${String(pattern)}`);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || pattern.test(value)) fail(message, `expected ${show(value)} not to match ${String(pattern)}`);
}

export { deepEqual as deepStrictEqual, equal as strictEqual };
export default { AssertionError, ok, equal, notEqual, deepEqual, deepStrictEqual: deepEqual, strictEqual: equal, match, doesNotMatch };
