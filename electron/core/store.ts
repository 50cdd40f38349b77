import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';

/** The slice of the conf / electron-store API Earmark uses (both implement it). */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T & string>(key: K): T[K];
  set<K extends keyof T & string>(key: K, value: T[K]): void;
  /** The whole content; assigning it writes the file once. */
  store: T;
  readonly path: string;
}

export interface StoreOptions<T> {
  /** File name without .json. */
  name: string;
  /** Folder holding the file: the data dir. */
  cwd: string;
  defaults: T;
}

/** Builds a store: electron-store in Electron, conf in the browser host and tests. */
export type StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => KeyValueStore<T>;

export interface Versioned {
  schemaVersion: number;
  [key: string]: unknown;
}

export interface OpenedStore<T extends Versioned> {
  store: KeyValueStore<T>;
  /** Set when the file was unreadable and moved aside: what happened, for the user. */
  repairMessage?: string;
}

/**
 * Opens a schema-versioned store. A file that cannot be parsed, or that was written by a newer
 * Earmark, is renamed to "<name>.corrupt-<time>.json" (never deleted) and a fresh store is
 * opened; the caller shows repairMessage to the user.
 */
export function openStore<T extends Versioned>(
  factory: StoreFactory,
  options: StoreOptions<T>,
  now: () => Date = () => new Date(),
): OpenedStore<T> {
  const file = path.join(options.cwd, `${options.name}.json`);
  const moveAside = (why: string): string => {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const aside = path.join(options.cwd, `${options.name}.corrupt-${stamp}.json`);
    renameSync(file, aside);
    return `${why} It was moved aside to ${aside} and Earmark started that part afresh.`;
  };
  let store: KeyValueStore<T>;
  try {
    store = factory(options);
  } catch (error) {
    if (!existsSync(file)) throw error;
    const repairMessage = moveAside(
      `The ${options.name} file could not be read (${error instanceof Error ? error.message : String(error)}).`,
    );
    return { store: factory(options), repairMessage };
  }
  const version = store.get('schemaVersion');
  if (typeof version === 'number' && version > options.defaults.schemaVersion) {
    const repairMessage = moveAside(
      `The ${options.name} file was written by a newer version of Earmark (schema ${version}).`,
    );
    return { store: factory(options), repairMessage };
  }
  return { store };
}
