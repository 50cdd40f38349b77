import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/host/args.js';
import { defaultHostDataDir } from '../../../electron/host/data-dir.js';

describe('parseServeArgs', () => {
  it('defaults to a free port and opening the browser', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, open: true, help: false, dataDir: undefined, feedUrl: undefined });
  });

  it('reads every option', () => {
    expect(
      parseServeArgs(['--port', '8123', '--data-dir', '/tmp/x', '--feed', 'https://example.com/rss', '--no-open']),
    ).toEqual({ port: 8123, dataDir: '/tmp/x', feedUrl: 'https://example.com/rss', open: false, help: false });
  });

  it.each([['--port', '-1'], ['--port', '70000'], ['--port', '1.5'], ['--feed', 'file:///etc/passwd'], ['--bogus']])(
    'refuses %s %s',
    (...argv) => {
      expect(() => parseServeArgs(argv.filter(Boolean))).toThrow();
    },
  );
});

describe('defaultHostDataDir', () => {
  it('is a per-user folder apart from the Electron app', () => {
    expect(defaultHostDataDir('linux', {}, '/home/a')).toBe('/home/a/.local/share/earmark-browser-host');
    expect(defaultHostDataDir('linux', { XDG_DATA_HOME: '/xdg' }, '/home/a')).toBe('/xdg/earmark-browser-host');
    expect(defaultHostDataDir('darwin', {}, '/Users/a')).toBe(
      path.join('/Users/a', 'Library', 'Application Support', 'earmark-browser-host'),
    );
    expect(defaultHostDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain(
      'earmark-browser-host',
    );
  });
});
