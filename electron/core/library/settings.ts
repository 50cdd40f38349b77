import { defaultSettings, type Settings } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import type { KeyValueStore, Versioned } from '../store.js';

export interface SettingsData extends Versioned {
  settings: Settings;
}

export const settingsDefaults: SettingsData = { schemaVersion: 1, settings: defaultSettings };

/** User settings; missing keys (from an older version) fall back to the defaults. */
export class SettingsService {
  private current: Settings;

  constructor(private readonly store: KeyValueStore<SettingsData>) {
    this.current = { ...defaultSettings, ...store.get('settings') };
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    this.current = { ...this.current, ...dropUndefined(patch) };
    this.store.set('settings', this.current);
    return this.current;
  }
}
