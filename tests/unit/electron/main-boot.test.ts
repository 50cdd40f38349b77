/**
 * The real main bundle (out/main/main.js, as `npm run build` makes it) booted in Node with
 * `electron` replaced by a recording fake (tests/support/fake-electron), as macOS, Windows and
 * Linux. The Electron binary can't be downloaded on our machines, so this is what keeps the desktop
 * wiring honest: what runs before ready, the window's hardening, both custom protocols, IPC from
 * foreign frames, deep links, the menu, the tray, notifications' AppUserModelID, quitting, and the
 * last position on disk. The services behind it are the real ones, on a temp data folder, talking
 * to a real HTTP server on 127.0.0.1 through the app's Electron fetch (systemFetch over the fake net).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDeepLink, formatHostOpenPath } from '../../../shared/deep-link.js';
import { methodNames } from '../../../shared/api.js';
import { methodChannel, methodsArgument } from '../../../shared/ipc-channels.js';
import type { Download, EpisodeWithState, Feed } from '../../../shared/types.js';
import { APP_ID } from '../../../electron/app-identity.js';
import { ensureFixtureArtwork } from '../../support/fixture-media.js';
import { assertFreshBundle, BootedMain, type BootOptions, type Call } from '../../support/main-boot.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const audio = Buffer.from(Array.from({ length: 96 * 1024 }, (_, i) => (i * 7 + 3) % 251));

let dataDir: string;
let server: FeedServer;
const booted: BootedMain[] = [];

beforeAll(() => assertFreshBundle());
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-boot-'));
  server = new FeedServer();
  await server.start();
  const feed = rss([{ guid: 'ep-1', title: 'Sockets and connections', notes: '0:00 Intro' }]).replace(
    /<enclosure [^>]*>/,
    `<enclosure url="${server.url('/ep1.mp3')}" length="${audio.length}" type="audio/mpeg"/>`,
  );
  server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed));
  // The show moved: Earmark follows the permanent redirect by hand (net.request's manual mode).
  server.routes.set('/old-feed.xml', (res) => res.writeHead(301, { Location: '/feed.xml' }).end());
  server.routes.set('/ep1.mp3', (res) =>
    res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': audio.length }).end(audio),
  );
});
afterEach(async () => {
  for (const main of booted.splice(0)) main.kill();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function boot(options: Partial<BootOptions> & Pick<BootOptions, 'platform'>): Promise<BootedMain> {
  const main = await BootedMain.start({ dataDir, feedUrl: server.url('/old-feed.xml'), ...options });
  booted.push(main);
  return main;
}

async function bootReady(options: Partial<BootOptions> & Pick<BootOptions, 'platform'>): Promise<BootedMain> {
  const main = await boot(options);
  await main.call('ready');
  return main;
}

const named = (calls: Call[], api: string) => calls.filter((call) => call.api === api);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function firstEpisode(main: BootedMain): Promise<EpisodeWithState> {
  const [episode] = await eventually(
    () => main.value<EpisodeWithState[]>('listEpisodes'),
    (list) => list.length > 0,
    'the first sync',
  );
  return episode!;
}

const bytes = (body: string) => Buffer.from(body, 'base64');

describe('before ready', () => {
  it('sets the data folder, takes the single-instance lock and registers both schemes first; protocols are handled after', async () => {
    const main = await boot({ platform: 'linux' });
    const calls = await main.calls();
    expect(named(calls, 'app.setPath')).toEqual([
      { api: 'app.setPath', args: ['userData', dataDir], beforeReady: true },
    ]);
    expect(named(calls, 'app.requestSingleInstanceLock')[0]?.beforeReady).toBe(true);
    const [schemes] = named(calls, 'protocol.registerSchemesAsPrivileged');
    expect(schemes?.beforeReady).toBe(true);
    expect(schemes?.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
      { scheme: 'earmark-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(named(calls, 'new BrowserWindow')).toEqual([]);

    await main.call('ready');
    const after = await main.calls();
    expect(named(after, 'protocol.handle').map((call) => [call.args[0], call.beforeReady])).toEqual([
      ['app', false],
      ['earmark-media', false],
    ]);
    expect(named(after, 'dialog.showErrorBox')).toEqual([]);
  });

  it('a second instance quits without a window and without touching the data folder', async () => {
    const main = await boot({ platform: 'win32', secondInstance: true });
    expect(await main.exited).toBe(0);
    expect(named(main.finalCalls, 'app.quit')).toHaveLength(1);
    expect(named(main.finalCalls, 'new BrowserWindow')).toEqual([]);
    expect(existsSync(path.join(dataDir, 'catalogue.json'))).toBe(false);
  });
});

describe('the window', () => {
  it('is hardened: isolated, sandboxed, no Node, the bundled preload, and loads app://earmark', async () => {
    const main = await bootReady({ platform: 'linux' });
    const [window] =
      await main.call<{ url: string; options: { webPreferences: Record<string, unknown> } }[]>('windows');
    expect(window?.url).toBe('app://earmark/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The preload learns the contract's method names only from here (preload-bundle.test.ts).
      additionalArguments: [methodsArgument(methodNames)],
    });
    expect(window?.options.webPreferences.preload).toBe(path.join(repoRoot, 'out/preload/preload.cjs'));
    expect(existsSync(window!.options.webPreferences.preload as string)).toBe(true);
  });

  it('denies every permission but clipboard writes from its own page', async () => {
    const main = await bootReady({ platform: 'linux' });
    expect(await main.call('permissionRequest', 'clipboard-sanitized-write', 'app://earmark/index.html')).toBe(true);
    expect(await main.call('permissionRequest', 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(await main.call('permissionRequest', 'media', 'app://earmark/index.html')).toBe(false);
  });
});

describe('app:// and earmark-media://', () => {
  it("app://earmark/artwork/<feed id> serves the show's artwork kept in the data folder", async () => {
    const png = readFileSync(ensureFixtureArtwork());
    const feed = rss(
      [{ guid: 'ep-1', title: 'Sockets and connections' }],
      `<itunes:image href="${server.url('/art.png')}"/>`,
    );
    server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed));
    server.routes.set('/art.png', (res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(png));
    const main = await bootReady({ platform: 'linux' });
    const [kept] = await eventually(
      () => main.value<Feed[]>('listFeeds'),
      (feeds) => feeds[0]?.localArtwork !== undefined,
      'the kept artwork',
    );
    type Answer = { status: number; headers: Record<string, string>; body: string };
    const get = (url: string) => main.call<Answer>('protocol', 'app', url);
    const picture = await get(`app://earmark${kept?.localArtwork ?? ''}`);
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(bytes(picture.body).equals(png)).toBe(true);
    expect((await get('app://earmark/artwork/0000000000000000')).status).toBe(404);
    expect((await get('app://earmark/artwork/..%2f..%2fsettings.json')).status).toBeGreaterThanOrEqual(400);
  });

  it('app:// serves the built renderer with its CSP and refuses paths outside it', async () => {
    const main = await bootReady({ platform: 'linux' });
    type Answer = { status: number; headers: Record<string, string>; body: string };
    const get = (url: string, init?: object) => main.call<Answer>('protocol', 'app', url, init);
    const index = await get('app://earmark/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(bytes(index.body).toString()).toContain('<div id="root">');
    expect((await get('app://earmark/no-such-file.js')).status).toBe(404);
    expect((await get('app://earmark/..%2f..%2fpackage.json')).status).toBeGreaterThanOrEqual(400);
    expect((await get('app://earmark/%2e%2e/%2e%2e/package.json')).status).toBeGreaterThanOrEqual(400);
    expect((await get('app://other-host/index.html')).status).toBe(404);
    expect((await get('app://earmark/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('downloads through the Electron fetch and earmark-media:// answers 200, 206 with the exact bytes, and 416', async () => {
    const main = await bootReady({ platform: 'linux' });
    const episode = await firstEpisode(main);
    await main.value('downloadEpisode', { episodeId: episode.id });
    await eventually(
      () => main.value<Download[]>('listDownloads'),
      (list) => list[0]?.state === 'completed',
      'the download',
    );
    type Answer = { status: number; headers: Record<string, string>; body: string };
    const media = (id: string, headers: Record<string, string> = {}) =>
      main.call<Answer>('protocol', 'earmark-media', `earmark-media://episode/${encodeURIComponent(id)}`, { headers });

    const whole = await media(episode.id);
    expect(whole.status).toBe(200);
    expect(bytes(whole.body).equals(audio)).toBe(true);
    const part = await media(episode.id, { Range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${audio.length}`);
    expect(bytes(part.body).equals(audio.subarray(1000, 2000))).toBe(true);
    const tail = await media(episode.id, { Range: 'bytes=-16' });
    expect(bytes(tail.body).equals(audio.subarray(-16))).toBe(true);
    expect((await media(episode.id, { Range: `bytes=${audio.length}-` })).status).toBe(416);
    expect((await media('../../catalogue.json')).status).toBe(404);
    expect((await media('0123456789abcdef')).status).toBe(404);

    // Feed, redirect and audio all went through net (system proxy, OS certificates), none around it.
    const net = await main.call<{ via: string; url: string }[]>('netLog');
    expect(net.map(({ via, url }) => `${via} ${new URL(url).pathname}`)).toEqual(
      expect.arrayContaining(['request /old-feed.xml', 'request /feed.xml', 'request /ep1.mp3']),
    );
    expect(server.requests.map((request) => request.path)).toEqual(['/old-feed.xml', '/feed.xml', '/ep1.mp3']);
    const [feed] = await main.value<Feed[]>('listFeeds');
    expect(feed?.url).toBe(server.url('/feed.xml'));
  });
});

describe('IPC', () => {
  it('has one handler per contract method and refuses calls from frames that are not Earmark pages', async () => {
    const main = await bootReady({ platform: 'linux' });
    expect(
      (await main.call<string[]>('ipcChannels')).filter((channel) => channel.startsWith('earmark:')).sort(),
    ).toEqual(methodNames.map(methodChannel).sort());
    for (const frame of ['https://evil.example/', 'app://earmark.evil/index.html', 'file:///etc/passwd', null]) {
      expect(await main.invoke('listFeeds', {}, frame)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await main.invoke('listFeeds', {})).toMatchObject({ ok: true });
    expect(await main.invoke('addNote', { episodeId: 'x', at: -1, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('deep links', () => {
  const episodeId = '0123456789abcdef';
  const link = formatDeepLink(episodeId, 98);

  it('a link that starts the app (Windows, Linux) opens at its moment in the first page', async () => {
    const main = await bootReady({ platform: 'linux', argv: ['--no-sandbox', link] });
    const [window] = await main.call<{ url: string }[]>('windows');
    expect(window?.url).toBe(`app://earmark${formatHostOpenPath(episodeId, 98)}`);
  });

  it('macOS: a link delivered by open-url before ready opens in the first page', async () => {
    const main = await boot({ platform: 'darwin' });
    await main.call('emitApp', 'open-url', link);
    await main.call('ready');
    const [window] = await main.call<{ url: string }[]>('windows');
    expect(window?.url).toBe(`app://earmark${formatHostOpenPath(episodeId, 98)}`);
  });

  it('a link from a second launch goes to the running window; a plain second launch shows it', async () => {
    const main = await bootReady({ platform: 'win32' });
    await main.call('media', { playing: true });
    await main.call('closeWindow'); // hidden while playing
    await main.call('emitApp', 'second-instance', ['earmark.exe', link], 'C:\\');
    expect(await main.events()).toContainEqual(['openLink', { episodeId, t: 98 }]);
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(true);

    await main.call('closeWindow');
    await main.call('emitApp', 'second-instance', ['earmark.exe'], 'C:\\');
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(true);
    // A hostile link is ignored, not opened.
    await main.call('emitApp', 'second-instance', ['earmark.exe', 'earmark://episode/..%2f?t=1'], 'C:\\');
    expect((await main.events()).filter(([name]) => name === 'openLink')).toHaveLength(1);
  });

  it('registers as the earmark:// handler only where it can be one, and never in a test run', async () => {
    const registrations = async (options: Partial<BootOptions> & Pick<BootOptions, 'platform'>) => {
      const main = await bootReady({ ...options, argv: ['--no-sandbox'] });
      const found = named(await main.calls(), 'app.setAsDefaultProtocolClient').map((call) => call.args);
      main.kill();
      return found;
    };
    // EARMARK_DATA_DIR (every test) and CI keep the links with the installed app.
    expect(await registrations({ platform: 'win32' })).toEqual([]);
    expect(await registrations({ platform: 'win32', dataDirFromEnv: false, env: { CI: 'true' } })).toEqual([]);
    // From source on Windows: Electron plus the app folder, never argv[1] (here a Chromium switch).
    const [[scheme, executable, args]] = (await registrations({ platform: 'win32', dataDirFromEnv: false })) as [
      [string, string, string[]],
    ];
    expect([scheme, args]).toEqual(['earmark', [repoRoot]]);
    expect(executable).toBe(process.execPath);
    expect(await registrations({ platform: 'darwin', dataDirFromEnv: false, packaged: true })).toEqual([['earmark']]);
    expect(await registrations({ platform: 'linux', dataDirFromEnv: false })).toEqual([]);
    expect(await registrations({ platform: 'linux', dataDirFromEnv: false, packaged: true })).toEqual([['earmark']]);
    // An AppImage installs no desktop file for xdg to point at.
    const appImage = { APPIMAGE: '/home/ada/Earmark.AppImage' };
    expect(await registrations({ platform: 'linux', dataDirFromEnv: false, packaged: true, env: appImage })).toEqual(
      [],
    );
  });
});

describe('the Playback menu', () => {
  it('macOS: no item carries a key a note could contain; the keys are in the labels', async () => {
    const main = await bootReady({ platform: 'darwin' });
    type Item = { label?: string; accelerator?: string; submenu?: Item[] };
    const menu = await main.call<Item[]>('menu');
    const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(item.submenu ?? [])]);
    for (const item of all(menu)) {
      if (item.accelerator) expect(item.accelerator, item.label).toMatch(/(Cmd|Command|Ctrl|Control|Alt|Option)\+/);
    }
    const playback = menu.find((item) => item.label === 'Playback')?.submenu ?? [];
    expect(playback.map((item) => item.label)).toContain('New Note (N)');
    expect(playback.every((item) => item.accelerator === undefined)).toBe(true);
  });

  it('Linux and Windows: the keys are shown but not registered; a click sends the command to the page', async () => {
    const main = await bootReady({ platform: 'linux' });
    type Item = { label?: string; accelerator?: string; registerAccelerator?: boolean; submenu?: Item[] };
    const playback = (await main.call<Item[]>('menu')).find((item) => item.label === 'Playback')?.submenu ?? [];
    expect(playback.find((item) => item.label === 'New Note')).toMatchObject({
      accelerator: 'N',
      registerAccelerator: false,
    });
    expect(playback.every((item) => item.registerAccelerator === false)).toBe(true);
    await main.call('clickMenu', 'Playback', 'Play/Pause');
    expect(await main.events()).toContainEqual(['menuCommand', { command: 'play-pause' }]);
  });
});

describe('Windows notifications', () => {
  it('a packaged app runs as AppUserModelID app.earmark.desktop, the installer shortcut’s ID', async () => {
    const main = await bootReady({ platform: 'win32', packaged: true });
    expect(named(await main.calls(), 'app.setAppUserModelId').map((call) => call.args)).toEqual([[APP_ID]]);
    const builder = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('from source it uses the executable, and other platforms set none', async () => {
    const dev = await bootReady({ platform: 'win32' });
    expect(named(await dev.calls(), 'app.setAppUserModelId').map((call) => call.args)).toEqual([[process.execPath]]);
    dev.kill();
    const linux = await bootReady({ platform: 'linux', packaged: true });
    expect(named(await linux.calls(), 'app.setAppUserModelId')).toEqual([]);
  });
});

describe('the tray', () => {
  type TrayState = { image: { path: string; exists: boolean; template: boolean }; clickListeners: number };

  it('macOS: a template image that exists, so the menu bar can tint it', async () => {
    const main = await bootReady({ platform: 'darwin' });
    const tray = await main.call<TrayState>('tray');
    expect(tray.image).toMatchObject({ exists: true, template: true });
    expect(path.basename(tray.image.path)).toBe('trayTemplate.png');
    expect(existsSync(path.join(path.dirname(tray.image.path), 'trayTemplate@2x.png'))).toBe(true);
  });

  it('Windows: a left click shows the window; Linux leaves clicks to the menu', async () => {
    const main = await bootReady({ platform: 'win32' });
    expect((await main.call<TrayState>('tray')).image).toMatchObject({ exists: true, template: false });
    await main.call('media', { playing: true });
    await main.call('closeWindow');
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(false);
    await main.call('clickTray');
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(true);
    main.kill();
    const linux = await bootReady({ platform: 'linux' });
    expect((await linux.call<TrayState>('tray')).clickListeners).toBe(0);
  });
});

describe('closing the window', () => {
  it('while playing hides it, so playback and the tray go on; Show Earmark brings it back; said once', async () => {
    const main = await bootReady({ platform: 'linux' });
    await main.call('media', { playing: true });
    expect(await main.call('closeWindow')).toMatchObject({ visible: false, destroyed: false });
    await main.call('clickTrayItem', 'Play/Pause');
    expect(await main.events()).toContainEqual(['menuCommand', { command: 'play-pause' }]);
    await main.call('clickTrayItem', 'Show Earmark');
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(true);
    await main.call('closeWindow');
    // The first hide explains itself in a notification (some desktops show no tray icon); once.
    expect(await main.call('notifications')).toEqual([expect.objectContaining({ title: 'Earmark is still playing' })]);
    await main.call('clickNotification', 0);
    expect((await main.call<{ visible: boolean }[]>('windows'))[0]?.visible).toBe(true);
  });

  it('in a silent passage of a playing episode it still only hides: playing is the media state, not the sound level', async () => {
    const main = await bootReady({ platform: 'win32' });
    await main.call('media', { playing: true, audible: false });
    expect(await main.call('closeWindow')).toMatchObject({ visible: false, destroyed: false });
  });

  it('with the episode paused it closes and the app quits (Windows, Linux)', async () => {
    const main = await bootReady({ platform: 'linux' });
    await main.call('media', { playing: true });
    await main.call('media', { playing: false });
    expect(await main.call('closeWindow')).toMatchObject({ destroyed: true });
    expect(await main.exited).toBe(0);
  });

  it('macOS: always hides, and the Dock icon brings the same window back', async () => {
    const main = await bootReady({ platform: 'darwin' });
    expect(await main.call('closeWindow')).toMatchObject({ visible: false, destroyed: false });
    await main.call('emitApp', 'activate', true);
    expect(await main.call('windows')).toMatchObject([{ visible: true, destroyed: false }]);
    expect(await main.call('allWindowsEver')).toBe(1);
    expect(await main.call('notifications')).toEqual([]);
  });

  it('macOS: a fullscreen window leaves fullscreen before it hides (no black Space)', async () => {
    const main = await bootReady({ platform: 'darwin' });
    expect(await main.call('closeWindow', { fullScreen: true })).toMatchObject({ visible: false, fullScreen: false });
    const hides = named(await main.calls(), 'BrowserWindow.hide');
    expect(hides.map((call) => call.args[0])).toEqual([{ fullScreen: false }]);
  });
});

describe('quitting', () => {
  it('finishes while a feed server never answers: the sync is aborted, nothing is recorded against the feed', async () => {
    let requestSeen: () => void = () => {};
    const seen = new Promise<void>((resolve) => (requestSeen = resolve));
    let hungUp: () => void = () => {};
    const closed = new Promise<void>((resolve) => (hungUp = resolve));
    server.routes.set('/stuck.xml', (res: ServerResponse) => {
      res.socket?.once('close', hungUp);
      requestSeen();
    });
    const main = await bootReady({ platform: 'linux', feedUrl: server.url('/stuck.xml') });
    await seen;
    await main.call('quit');
    expect(await main.exited).toBe(0);
    await closed; // the app hung up on the server instead of waiting for it
    expect(main.output).not.toContain('did not stop in time');
    const catalogue = JSON.parse(readFileSync(path.join(dataDir, 'catalogue.json'), 'utf8')) as { feeds: unknown[] };
    expect(catalogue.feeds).toEqual([]);
  });

  it('writes the last position, also one the closing window saves on its way out', async () => {
    const main = await bootReady({ platform: 'darwin' });
    const episode = await firstEpisode(main);
    await main.value('setEpisodeState', { id: episode.id, position: 98 });
    await main.call('saveOnClose', methodChannel('setEpisodeState'), { id: episode.id, position: 123 });
    await main.call('quit');
    expect(await main.exited).toBe(0);
    const state = JSON.parse(readFileSync(path.join(dataDir, 'listening-state.json'), 'utf8')) as {
      states: Record<string, { position: number }>;
      lastEpisodeId?: string;
    };
    expect(state.states[episode.id]?.position).toBe(123);
    expect(state.lastEpisodeId).toBe(episode.id);
    expect(named(main.finalCalls, 'Tray.destroy')).toHaveLength(1);
    // The page was asked to save while it could still be heard, before its window closed.
    const events = main.finalSent.filter((message) => message.channel === 'earmark:event').map(({ args }) => args[0]);
    expect(events).toContain('appQuitting');
  });

  it('Windows: a session that ends (shutdown, log off) still writes the position, with no quit events', async () => {
    const main = await bootReady({ platform: 'win32' });
    const episode = await firstEpisode(main);
    await main.value('setEpisodeState', { id: episode.id, position: 321 });
    await main.call('sessionEnd');
    const state = JSON.parse(readFileSync(path.join(dataDir, 'listening-state.json'), 'utf8')) as {
      states: Record<string, { position: number }>;
    };
    expect(state.states[episode.id]?.position).toBe(321);
  });
});

describe('a failed start', () => {
  it('says why in a dialog that names the log (which holds the error), then exits with 1', async () => {
    writeFileSync(path.join(dataDir, 'media'), 'a file where the downloads folder should be');
    const main = await boot({ platform: 'win32' });
    void main.call('ready').catch(() => {}); // the process ends before it can answer
    expect(await main.exited).toBe(1);
    const [dialog] = named(main.finalCalls, 'dialog.showErrorBox');
    const logFile = path.join(dataDir, 'logs', 'main.log');
    expect(dialog?.args).toEqual([
      'Earmark could not start',
      expect.stringMatching(new RegExp(`EEXIST.*\\n\\nThe details are in ${logFile.replaceAll('/', '\\/')}\\.$`, 's')),
    ]);
    expect(readFileSync(logFile, 'utf8')).toMatch(/error Error: EEXIST/);
    expect(named(main.finalCalls, 'new BrowserWindow')).toEqual([]);
  });

  it('when even the data folder is unusable, the dialog says the log could not be written', async () => {
    const file = path.join(dataDir, 'not-a-folder');
    writeFileSync(file, 'a file where the data folder should be');
    const main = await BootedMain.start({ platform: 'linux', dataDir: file, feedUrl: server.url('/feed.xml') });
    booted.push(main);
    void main.call('ready').catch(() => {});
    expect(await main.exited).toBe(1);
    const [dialog] = named(main.finalCalls, 'dialog.showErrorBox');
    expect(dialog?.args[1]).toContain(`could not write its log (${path.join(file, 'logs', 'main.log')}) either`);
  });
});
