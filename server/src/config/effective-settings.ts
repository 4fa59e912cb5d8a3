import type { Config } from './config-schema.js';
import type { Settings } from './settings.js';

/** Editor settings with a config file on top: the file is the team's shared truth, so it wins; rules merge by id. */
export function withConfig(settings: Settings, config: Config): Settings {
  return {
    ...settings,
    ...(config.template !== undefined ? { template: config.template } : {}),
    ...(config.include !== undefined ? { include: config.include } : {}),
    rules: { ...settings.rules, ...config.rules },
  };
}
