import type { ClientHost } from './client-host.js';

/** Warnings shown to the user once per server: a broken config governs many documents, and a message per document would bury the editor. */
export class ReportOnce {
  private readonly reported = new Set<string>();

  constructor(private readonly host: Pick<ClientHost, 'showWarning'>) {}

  report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.host.showWarning(message);
  }
}
