import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../config/settings.js';
import { effectiveSettings } from '../config/effective-settings.js';
import type { ClientHost } from './client-host.js';
import type { ConfigDiscovery } from './config-discovery.js';
import type { ReportOnce } from './report-once.js';

/**
 * Settings per document: the editor's (pulled per resource with
 * workspace/configuration where the client can answer, else the defaults),
 * with the nearest config file on top. Asked for once per document until the
 * settings or a config file change; the promise is shared, so a burst of
 * requests costs one round trip.
 */
export class DocumentSettings {
  private readonly byUri = new Map<string, Promise<Settings>>();

  constructor(
    private readonly host: Pick<ClientHost, 'getConfiguration'>,
    private readonly configs: ConfigDiscovery,
    private readonly once: ReportOnce,
  ) {}

  for(uri: string): Promise<Settings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.host.getConfiguration(uri).then(async (raw) => {
        const { settings: editor, problems } = raw === undefined || raw === null ? { settings: DEFAULT_SETTINGS, problems: [] } : parseSettings(raw);
        if (problems.length > 0) this.once.report(`Postmortem Writer: invalid settings, using defaults for them. ${problems.join(' ')}`);
        return effectiveSettings(editor, await this.configs.forDocument(uri));
      });
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
