import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { openStore } from '../../../electron/core/store.js';
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
