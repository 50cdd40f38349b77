import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

/** Store files are the listener's alone (notes are private): 0600. Folders Earmark makes are 0700. */
export const STORE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** How stores are written: JSON without indentation (conf indents with tabs, a third more to write for a big show). */
export const compactJson = (value: unknown): string => JSON.stringify(value);

/** Builds a store: electron-store in Electron, conf in the browser host and tests. */
export type StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => KeyValueStore<T>;

export interface Versioned {
  schemaVersion: number;
  [key: string]: unknown;
}

/**
 * A store's migrations: migration N takes the file's data at schema N (as read from disk, before the
 * shape check) to schema N+1. openStore sets schemaVersion after each step. A store at schema 1 has
 * none; bumping it to 2 adds `1: (data) => …` (and a fixture, tests/fixtures/stores/<store>/v2.json).
 */
export type Migrations = Readonly<Record<number, (data: Record<string, unknown>) => unknown>>;

/** Told what was unreadable and left out, in words: "2 notes". */
export type OnDropped = (what: string) => void;

export interface OpenStoreOptions<T> extends StoreOptions<T> {
  /**
   * The file's shape, checked on the bytes on disk before the store opens it (conf would rewrite a
   * file of the wrong shape at once). Lists inside use lenientArray/lenientRecord, so one bad entry
   * is left out (and reported through onDropped) instead of costing the whole file.
   */
  shape?: (onDropped: OnDropped) => z.ZodType;
  /** What the user calls this part, in notices: "your shows and episodes". */
  label?: string;
  /** Run in order from the file's schemaVersion up to defaults.schemaVersion, before the shape check. */
  migrations?: Migrations;
}

/** How a service's store is opened, all but the folder: the app and the fixture tests use the same. */
export type StoreSpec<T> = Omit<OpenStoreOptions<T>, 'cwd'>;

export interface OpenedStore<T extends Versioned> {
  store: KeyValueStore<T>;
  /** Set when the file was unusable (moved aside) or partly so (copied aside, repaired): for the user. */
  repairMessage?: string;
  /** The file was unusable: the store holds the defaults. */
  startedAfresh?: boolean;
  /** The file was of this older schema: it was migrated, written back, and copied as it was. */
  migratedFrom?: number;
}

/**
 * Opens a schema-versioned store, never losing what was on disk:
 * - a file that is not JSON, not an object, of the wrong shape, or written by a newer Earmark is
 *   renamed to "<name>.corrupt-<time>.json" (byte for byte) and the defaults are used;
 * - a file with some unreadable entries is copied to "<name>.invalid-<time>.json" first, then
 *   written back without them;
 * - a file of an older schema is copied to "<name>.v<its version>-<time>.json", brought up to date by
 *   the store's migrations and written back once; a migration that throws (or is missing) counts as
 *   unusable: the file is moved aside as above;
 * and repairMessage says, in words, which part was reset and where the old file is.
 */
export function openStore<T extends Versioned>(
  factory: StoreFactory,
  options: OpenStoreOptions<T>,
  now: () => Date = () => new Date(),
): OpenedStore<T> {
  const factoryOptions: StoreOptions<T> = { name: options.name, cwd: options.cwd, defaults: options.defaults };
  const file = path.join(options.cwd, `${options.name}.json`);
  const label = options.label ?? `${options.name} file`;
  const stamp = () => now().toISOString().replace(/[:.]/g, '-');
  const moveAside = (why: string): OpenedStore<T> => {
    const aside = path.join(options.cwd, `${options.name}.corrupt-${stamp()}.json`);
    renameSync(file, aside);
    return {
      store: factory(factoryOptions),
      repairMessage: `${why} That part starts over; the old file is kept as ${aside}.`,
      startedAfresh: true,
    };
  };

  if (existsSync(file)) {
    const checked = inspect(readFileSync(file, 'utf8'), options);
    if (!checked.ok) return moveAside(`Earmark could not use ${label}: ${checked.problem}.`);
    const dropped = checked.dropped.length > 0;
    if (dropped || checked.migratedFrom !== undefined) {
      const suffix = dropped ? 'invalid' : `v${checked.migratedFrom}`;
      const copy = path.join(options.cwd, `${options.name}.${suffix}-${stamp()}.json`);
      copyFileSync(file, copy);
      const store = factory(factoryOptions);
      store.store = checked.value as T;
      const migratedFrom = checked.migratedFrom;
      if (!dropped) return { store, migratedFrom };
      return {
        store,
        migratedFrom,
        repairMessage: `Some entries in ${label} could not be read and were left out (${checked.dropped.join(', ')}). The file as it was is kept as ${copy}.`,
      };
    }
  }
  try {
    return { store: factory(factoryOptions) };
  } catch (error) {
    if (!existsSync(file)) throw error;
    return moveAside(`Earmark could not read ${label} (${error instanceof Error ? error.message : String(error)}).`);
  }
}

type Inspection =
  { ok: false; problem: string } | { ok: true; dropped: string[]; value: unknown; migratedFrom?: number };

/** What is wrong with a store file's text, or its repaired value and what was left out. */
function inspect<T extends Versioned>(text: string, options: OpenStoreOptions<T>): Inspection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problem: `the file holds ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not Earmark's data`,
    };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  const current = options.defaults.schemaVersion;
  if (typeof version === 'number' && version > current) {
    return { ok: false, problem: `it was written by a newer version of Earmark (schema ${version})` };
  }
  let migratedFrom: number | undefined;
  if (typeof version === 'number' && version < current) {
    const migrated = migrate(value as Record<string, unknown>, version, current, options.migrations ?? {});
    if (!migrated.ok) return migrated;
    value = migrated.value;
    migratedFrom = version;
  }
  if (!options.shape) return { ok: true, dropped: [], value, migratedFrom };
  const dropped: string[] = [];
  const parsed = options.shape((what) => dropped.push(what)).safeParse(value);
  if (!parsed.success) {
    return { ok: false, problem: `it is not in the shape Earmark expects (${describeIssue(parsed.error)})` };
  }
  return { ok: true, dropped, value: parsed.data, migratedFrom };
}

/** Runs migrations from..to-1 in order; the first that is missing, throws or gives no object stops it. */
function migrate(
  value: Record<string, unknown>,
  from: number,
  to: number,
  migrations: Migrations,
): { ok: false; problem: string } | { ok: true; value: Record<string, unknown> } {
  if (!Number.isInteger(from) || from < 1) {
    return { ok: false, problem: `it claims schema ${from}, which no version of Earmark wrote` };
  }
  let data = value;
  for (let version = from; version < to; version++) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    const failed = (why: string) => ({
      ok: false as const,
      problem: `it is of schema ${version} and bringing it up to schema ${version + 1} failed (${why})`,
    });
    if (!step) return failed('this version of Earmark has no migration for it');
    let next: unknown;
    try {
      next = step(data);
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return failed('the migration gave no object');
    data = { ...(next as Record<string, unknown>), schemaVersion: version + 1 };
  }
  return { ok: true, value: data };
}

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'unknown';
  return `${issue.path.length > 0 ? issue.path.join('.') : 'the top level'}: ${issue.message}`;
}

/** What a list holds, in words: one and many ("note", "notes"). */
export type Noun = [one: string, many: string];
const count = (n: number, [one, many]: Noun) => `${n} ${n === 1 ? one : many}`;

/** A list whose entries that fail `item` are left out and counted, instead of failing the whole list. */
export function lenientArray<S extends z.ZodType>(item: S, what: Noun, onDropped: OnDropped) {
  return z.array(z.unknown()).transform((list) => {
    const kept: z.output<S>[] = [];
    for (const raw of list) {
      const parsed = item.safeParse(raw);
      if (parsed.success) kept.push(parsed.data);
    }
    if (kept.length < list.length) onDropped(count(list.length - kept.length, what));
    return kept;
  });
}

/** A map whose values that fail `item` are left out and counted. */
export function lenientRecord<S extends z.ZodType>(item: S, what: Noun, onDropped: OnDropped) {
  return z.record(z.string(), z.unknown()).transform((map) => {
    const kept: Record<string, z.output<S>> = {};
    let dropped = 0;
    for (const [key, raw] of Object.entries(map)) {
      const parsed = item.safeParse(raw);
      if (parsed.success) kept[key] = parsed.data;
      else dropped++;
    }
    if (dropped > 0) onDropped(count(dropped, what));
    return kept;
  });
}
