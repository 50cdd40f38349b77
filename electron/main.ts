/**
 * Electron entry (ESM, bundled to out/main/main.js). Only wiring: the services come from
 * core/app.ts, the transport from ipc.ts. Everything that must happen before "ready" (userData,
 * the single-instance lock, privileged schemes) runs synchronously at the top level, before the
 * entry module finishes evaluating, which is when Electron emits "ready".
 * tests/unit/electron/main-boot.test.ts boots this bundle under a recording fake of Electron.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, net, session, type BrowserWindow, type Tray } from 'electron';
import { formatHostOpenPath, type DeepLink } from '../shared/deep-link.js';
import type { MenuCommand } from '../shared/menu-commands.js';
import { createApp, type EarmarkApp } from './core/app.js';
import { appUserModelId } from './app-identity.js';
import { findDeepLink, readDeepLink } from './deep-links.js';
import { APP_ORIGIN, isAppUrl } from './app-origin.js';
import { handleAppProtocol, registerSchemes } from './app-protocol.js';
import { electronStoreFactory } from './electron-store-factory.js';
import { registerIpc } from './ipc.js';
import { createMainLog } from './main-log.js';
import { handleMediaProtocol } from './media-protocol.js';
import { notifyNewEpisodes, notifyStillPlaying } from './notifications.js';
import { buildMenu } from './menu.js';
import { protocolClientPlan } from './protocol-client.js';
import { handleQuit } from './quit.js';
import { reportStartupFailure } from './startup-failure.js';
import { systemFetch } from './system-fetch.js';
import { createTray } from './tray.js';
import { createMainWindow, hardenWebContents, hideInsteadOfClosing } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'preload.cjs');

// Tests and power users: a throwaway data folder and a different first feed.
const dataDirOverride = process.env.EARMARK_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));
const feedOverride = process.env.EARMARK_FEED;
// Where "Find podcasts" searches (default: Apple's iTunes Search API).
const directoryOverride = process.env.EARMARK_DIRECTORY_URL;
const log = createMainLog(logsFolder());
const warn = (message: string) => log.warn(message);

try {
  registerSchemes();
  // The lock is keyed to userData, so test runs with their own EARMARK_DATA_DIR do not collide.
  if (!app.requestSingleInstanceLock()) app.quit();
  else startPrimaryInstance();
} catch (error) {
  reportStartupFailure(error, log);
}

/**
 * The OS's folder for app logs (macOS ~/Library/Logs/Earmark, else inside userData); a test's data
 * folder keeps its own. Electron creates it on first use and throws if it can't: then the temp folder.
 */
function logsFolder(): string {
  try {
    return dataDirOverride ? path.join(app.getPath('userData'), 'logs') : app.getPath('logs');
  } catch {
    return path.join(tmpdir(), 'earmark-logs');
  }
}

function startPrimaryInstance(): void {
  let earmark: EarmarkApp | undefined;
  let mainWindow: BrowserWindow | undefined;
  // Held here for the app's lifetime: an unreferenced Tray is garbage-collected and vanishes.
  let tray: Tray | undefined;
  // A link that arrives before there is a window to show it in (cold start).
  let pendingLink: DeepLink | undefined = readDeepLink(findDeepLink(process.argv), warn);

  registerProtocolClient();

  // Windows shows toasts only for an AppUserModelID with a Start menu shortcut (app-identity.ts).
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged, process.execPath));

  const quit = handleQuit(app, {
    // The page saves its position now, while it can: it is asked before its window closes.
    beforeClose: () => earmark?.events.emit('appQuitting', {}),
    close: () => earmark?.close() ?? Promise.resolve(),
    flush: () => earmark?.flush(),
    log,
  });

  let toldStillPlaying = false;
  const openWindow = () => {
    const assets = path.join(app.getAppPath(), 'assets');
    const icon = process.platform === 'linux' ? path.join(assets, 'icons', '512x512.png') : undefined;
    // A link that started the app rides in the first page's address: nothing can be lost to timing.
    const startPath = pendingLink && formatHostOpenPath(pendingLink.episodeId, pendingLink.t);
    pendingLink = undefined;
    const window = createMainWindow(preloadPath, icon, startPath);
    hideInsteadOfClosing(window, {
      isQuitting: quit.isQuitting,
      onHide: () => {
        if (process.platform === 'darwin' || toldStillPlaying) return;
        toldStillPlaying = true;
        notifyStillPlaying(showWindow);
      },
    });
    // Windows ends a session (shutdown, log off) without before-quit or will-quit (docs/api/app.md).
    window.on('session-end', () => earmark?.flush());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    mainWindow = window;
  };

  /** Brings the window back (restored, shown, focused), or opens a new one if it was closed. */
  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  /** The Playback menu and the tray: the renderer runs the same handler as the key. */
  const sendCommand = (command: MenuCommand, byKey = false) =>
    earmark?.events.emit('menuCommand', byKey ? { command, byKey } : { command });

  /** Shows a link's episode: in the open window through an event, else in the window about to open. */
  const openLink = (link: DeepLink | undefined) => {
    if (!link) return;
    if (!app.isReady() || !earmark) {
      pendingLink = link;
      return;
    }
    if (!mainWindow || mainWindow.isDestroyed()) {
      pendingLink = link;
      return openWindow();
    }
    showWindow();
    earmark.events.emit('openLink', link);
  };

  listenForLinks(openLink, showWindow);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const start = () => {
    allowOnlyClipboardWrites();
    handleAppProtocol(rendererDir, (feedId) => earmark?.artwork.file(feedId));
    Menu.setApplicationMenu(buildMenu(sendCommand));

    const assets = path.join(app.getAppPath(), 'assets');
    tray = createTray(assets, { send: sendCommand, show: showWindow, quit: () => app.quit() }, warn);
    earmark = createEarmark(assets);
    registerIpc(earmark, isAppUrl);
    handleMediaProtocol(earmark.downloads);
    notifyNewEpisodes(earmark, openLink);
    openWindow();
    earmark.start().catch((error: unknown) => log.error(error));

    // The Dock icon (macOS) brings back the hidden window, or a new one.
    app.on('activate', showWindow);
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => reportStartupFailure(error, log));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Windows otherwise leaves a dead icon in the notification area until the mouse passes over it.
  app.on('will-quit', () => tray?.destroy());
}

/** earmark:// links open Earmark: how each platform learns that is protocol-client.ts's plan. */
function registerProtocolClient(): void {
  const registration = protocolClientPlan({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    execPath: process.execPath,
    env: process.env,
  });
  if (registration.register && registration.launcher) {
    app.setAsDefaultProtocolClient(registration.scheme, registration.launcher.path, registration.launcher.args);
  } else if (registration.register) {
    app.setAsDefaultProtocolClient(registration.scheme);
  }
}

/** The two ways a link (or a second launch) reaches the running app. */
function listenForLinks(openLink: (link: DeepLink | undefined) => void, showWindow: () => void): void {
  // macOS delivers links here, also at a cold start (before ready), so it is registered now.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(readDeepLink(url, warn));
  });

  // A second launch (from the desktop menu, or a clicked earmark:// link on Windows/Linux) comes
  // here instead; it shows this instance's window (also a hidden one) and the link, if any.
  app.on('second-instance', (_event, argv) => {
    if (!app.isReady()) return;
    const link = readDeepLink(findDeepLink(argv), warn);
    if (link) return openLink(link);
    showWindow();
  });
}

/**
 * Audio playback needs no permission (autoplay is not one); copying text to the clipboard from our
 * own page is the only thing allowed.
 */
function allowOnlyClipboardWrites(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL())),
  );
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === 'clipboard-sanitized-write' && requestingOrigin === APP_ORIGIN,
  );
}

/** The services, with Electron's stores and network; the offline snapshot comes from the app's assets. */
function createEarmark(assets: string): EarmarkApp {
  return createApp({
    dataDir: app.getPath('userData'),
    appName: 'the desktop app',
    storeFactory: electronStoreFactory,
    fetch: systemFetch(net),
    log: (error) => log.error(error),
    ...(directoryOverride ? { directoryUrl: directoryOverride } : {}),
    ...(feedOverride
      ? { defaultFeedUrl: feedOverride }
      : { loadSnapshot: () => readFile(path.join(assets, 'default-feed-snapshot.xml'), 'utf8') }),
  });
}
