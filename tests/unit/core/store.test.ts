import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { openStore, type Migrations } from '../../../electron/core/store.js';
import { z } from 'zod';
import { closedPortUrl } from '../feeds/feed-server.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-store-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const asideFiles = (name: string) => readdirSync(dataDir).filter((f) => f.startsWith(`${name}.corrupt-`));
const defaults = { schemaVersion: 1, items: [] as string[] };

describe('openStore', () => {
  it('moves a corrupt file aside, keeping its content, and the app shows a notice', async () => {
    const broken = '{"schemaVersion": 1, "feeds": [ oops';
    writeFileSync(path.join(dataDir, 'catalogue.json'), broken);
    const app = createApp({
      dataDir,
      storeFactory: confStoreFactory,
      defaultFeedUrl: await closedPortUrl(),
      log: () => {},
    });
    try {
      const [aside] = asideFiles('catalogue');
      expect(aside).toMatch(/^catalogue\.corrupt-.+\.json$/);
      expect(readFileSync(path.join(dataDir, aside as string), 'utf8')).toBe(broken);
      const notices = await app.call('listNotices', {});
      expect(notices).toMatchObject({
        ok: true,
        value: [
          {
            level: 'warning',
            text: expect.stringContaining('could not use your list of shows: the file is not valid JSON'),
          },
        ],
      });
      expect(await app.call('listFeeds', {})).toEqual({ ok: true, value: [] });
    } finally {
      await app.close();
    }
  });

  it('moves aside a file written by a newer Earmark', () => {
    const newer = JSON.stringify({ schemaVersion: 99, items: ['from the future'] });
    writeFileSync(path.join(dataDir, 'things.json'), newer);
    const opened = openStore(confStoreFactory, { name: 'things', cwd: dataDir, defaults });
    expect(opened.repairMessage).toMatch(/newer version of Earmark \(schema 99\)/);
    expect(opened.store.get('items')).toEqual([]);
    const [aside] = asideFiles('things');
    expect(readFileSync(path.join(dataDir, aside as string), 'utf8')).toBe(newer);
  });

  it('reopens a healthy store with its data and no repair', () => {
    const first = openStore(confStoreFactory, { name: 'things', cwd: dataDir, defaults });
    first.store.set('items', ['kept']);
    const again = openStore(confStoreFactory, { name: 'things', cwd: dataDir, defaults });
    expect(again.repairMessage).toBeUndefined();
    expect(again.store.get('items')).toEqual(['kept']);
    expect(asideFiles('things')).toEqual([]);
    expect(existsSync(path.join(dataDir, 'things.json'))).toBe(true);
  });
});

describe('openStore migrations', () => {
  // A store at schema 3: v1 held names, v2 made them items with a name, v3 added a count.
  const v1 = { schemaVersion: 1, names: ['a', 'b'] };
  const v2 = { schemaVersion: 2, items: [{ name: 'a' }, { name: 'b' }] };
  const v3 = { schemaVersion: 3, items: [{ name: 'a' }, { name: 'b' }], count: 2 };
  const migrations: Migrations = {
    1: ({ names, ...rest }) => ({ ...rest, items: (names as string[]).map((name) => ({ name })) }),
    2: (data) => ({ ...data, count: (data.items as unknown[]).length }),
  };
  const options = (more: { migrations?: Migrations } = {}) => ({
    name: 'things',
    cwd: dataDir,
    defaults: { schemaVersion: 3, items: [] as { name: string }[], count: 0 },
    shape: () =>
      z.object({ schemaVersion: z.number(), items: z.array(z.object({ name: z.string() })), count: z.number() }),
    label: 'your things',
    migrations,
    ...more,
  });
  const file = () => path.join(dataDir, 'things.json');
  const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as unknown;
  const kept = (suffix: string) =>
    readdirSync(dataDir)
      .filter((f) => f.startsWith(`things.${suffix}`))
      .map((f) => readFileSync(path.join(dataDir, f), 'utf8'));

  it.each([
    ['v1', v1],
    ['v2', v2],
  ])('brings a %s file up to v3, writes it back once and keeps the file as it was', (version, data) => {
    const original = JSON.stringify(data);
    writeFileSync(file(), original);
    const opened = openStore(confStoreFactory, options());
    expect(opened.repairMessage).toBeUndefined();
    expect(opened.migratedFrom).toBe(data.schemaVersion);
    expect(opened.store.store).toEqual(v3);
    expect(onDisk()).toEqual(v3);
    expect(kept(`${version}-`)).toEqual([original]);

    // Opened again: nothing left to migrate, no second copy.
    const again = openStore(confStoreFactory, options());
    expect(again.migratedFrom).toBeUndefined();
    expect(again.store.store).toEqual(v3);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('things.'))).toHaveLength(2);
  });

  it('a v3 file is taken as it is', () => {
    writeFileSync(file(), JSON.stringify(v3));
    const opened = openStore(confStoreFactory, options({ migrations: {} }));
    expect(opened.repairMessage).toBeUndefined();
    expect(opened.migratedFrom).toBeUndefined();
    expect(opened.store.store).toEqual(v3);
    expect(readdirSync(dataDir)).toEqual(['things.json']);
  });

  it.each([
    [
      'throws',
      {
        2: () => {
          throw new Error('no count for you');
        },
      },
      /schema 2 and bringing it up to schema 3 failed \(no count for you\)/,
    ],
    [
      'is missing',
      { 2: undefined },
      /schema 2 and bringing it up to schema 3 failed \(this version of Earmark has no migration for it\)/,
    ],
    ['gives no object', { 2: () => null }, /the migration gave no object/],
    [
      'gives the wrong shape',
      { 2: (data: Record<string, unknown>) => ({ ...data, count: 'two' }) },
      /not in the shape Earmark expects \(count: /,
    ],
  ])('a migration that %s keeps the file aside as it was, and says so', (_, broken, message) => {
    const original = JSON.stringify(v1);
    writeFileSync(file(), original);
    const opened = openStore(confStoreFactory, options({ migrations: { ...migrations, ...broken } as Migrations }));
    expect(opened.startedAfresh).toBe(true);
    expect(opened.repairMessage).toMatch(/^Earmark could not use your things: /);
    expect(opened.repairMessage).toMatch(message);
    expect(opened.repairMessage).toMatch(/the old file is kept as .*things\.corrupt-/);
    expect(kept('corrupt-')).toEqual([original]);
    expect(opened.store.store).toEqual(options().defaults);
  });

  it('a file of a schema no Earmark wrote (0) is kept aside', () => {
    const original = JSON.stringify({ ...v3, schemaVersion: 0 });
    writeFileSync(file(), original);
    const opened = openStore(confStoreFactory, options());
    expect(opened.repairMessage).toMatch(/claims schema 0, which no version of Earmark wrote/);
    expect(kept('corrupt-')).toEqual([original]);
  });

  it('a file written by a newer Earmark is still refused, not migrated', () => {
    const original = JSON.stringify({ ...v3, schemaVersion: 4 });
    writeFileSync(file(), original);
    const opened = openStore(confStoreFactory, options());
    expect(opened.repairMessage).toMatch(/newer version of Earmark \(schema 4\)/);
    expect(kept('corrupt-')).toEqual([original]);
  });
});
