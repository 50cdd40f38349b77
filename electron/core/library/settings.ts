import { z } from 'zod';
import { contract } from '../../../shared/api.js';
import { defaultSettings, type Settings } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import type { KeyValueStore, Migrations, OnDropped, StoreSpec, Versioned } from '../store.js';

export interface SettingsData extends Versioned {
  settings: Settings;
}

export const settingsDefaults: SettingsData = { schemaVersion: 1, settings: defaultSettings };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each setting's range: the contract's, so a file can hold nothing updateSettings would refuse. */
const settingFields = contract.updateSettings.input.shape as Record<string, z.ZodType>;

/**
 * The file's shape. A setting out of range or of the wrong type (a hand edit, another version)
 * is left out, so its default applies: downloadConcurrency 500 or a refresh every 0.001 minutes
 * must never reach the services. A key that is no setting is left out too (and said, like the rest).
 */
export const settingsShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    // The raw object, not z.record's copy: that one loses a "__proto__" key, which JSON.parse keeps.
    settings: z.custom<Record<string, unknown>>(isPlainObject, 'expected an object').transform((stored) => {
      const kept: Record<string, unknown> = {};
      const refused: string[] = [];
      const unknown: string[] = [];
      for (const [key, value] of Object.entries(stored)) {
        // Own keys only: "constructor" or "toString" in a file must not find Object's methods.
        const field = Object.hasOwn(settingFields, key) ? settingFields[key] : undefined;
        if (!field) unknown.push(key);
        else if (value !== undefined && field.safeParse(value).success) kept[key] = value;
        else refused.push(key);
      }
      if (refused.length > 0) onDropped(`${refused.join(', ')}: out of range, back to the default`);
      if (unknown.length > 0) onDropped(`${unknown.map((key) => JSON.stringify(key)).join(', ')}: not a setting`);
      return kept as Partial<Settings>;
    }),
  });

/** Migration N takes schema N to N+1 (store.ts); none yet. */
export const settingsMigrations: Migrations = {};

export const settingsStore: StoreSpec<SettingsData> = {
  name: 'settings',
  defaults: settingsDefaults,
  shape: settingsShape,
  migrations: settingsMigrations,
  label: 'your settings',
};

/** User settings; missing keys (from an older version) fall back to the defaults. */
export class SettingsService {
  private current: Settings;

  constructor(private readonly store: KeyValueStore<SettingsData>) {
    const stored = (store.get('settings') ?? {}) as unknown as Partial<Record<string, unknown>>;
    // Known keys only, whatever the file holds: nothing else may reach the services or the page.
    this.current = Object.fromEntries(
      Object.entries(defaultSettings).map(([key, value]) => [key, Object.hasOwn(stored, key) ? stored[key] : value]),
    ) as unknown as Settings;
  }

  get(): Settings {
    return this.current;
  }

  /** Written first, kept after: a failed write (a full disk) leaves the settings as they were. */
  update(patch: Partial<Settings>): Settings {
    const next = { ...this.current, ...dropUndefined(patch) };
    this.store.set('settings', next);
    this.current = next;
    return next;
  }
}
