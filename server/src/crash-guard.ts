/**
 * The last boundary: an exception nothing caught, or a promise rejected with
 * nobody waiting, would end the process (Node's default) and leave every open
 * document unchecked until the editor restarts the server. Each is logged,
 * naming what happened, and the server goes on serving; the handlers that
 * failed answer nothing, the others are untouched.
 */
export function installCrashGuards(log: (message: string) => void): void {
  const describe = (what: string, reason: unknown): string =>
    `Postmortem Writer: ${what}, kept running: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`;
  const report = (message: string): void => {
    try {
      log(message);
    } catch {
      // The connection itself may be what failed.
      process.stderr.write(`${message}\n`);
    }
  };
  process.on('uncaughtException', (error) => report(describe('an unexpected error', error)));
  process.on('unhandledRejection', (reason) => report(describe('an unhandled promise rejection', reason)));
}
