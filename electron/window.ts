import { BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { methodNames } from '../shared/api.js';
import { methodsArgument } from '../shared/ipc-channels.js';
import { APP_ORIGIN, APP_URL, externalWebUrl, isAppUrl } from './app-origin.js';

// Matches the renderer's page background in each theme, so no white flash before first paint.
const background = () => (nativeTheme.shouldUseDarkColors ? '#121214' : '#fafafa');

/** Opens a link outside the app, but only web links: never file:, smb:, custom schemes, …. */
export function openExternalSafely(url: string): void {
  const web = externalWebUrl(url);
  if (web) void shell.openExternal(web);
}

/** startPath: e.g. "/open?episode=…&t=…" when a deep link started the app; the renderer reads it. */
export function createMainWindow(preloadPath: string, iconPath: string | undefined, startPath?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Earmark',
    backgroundColor: background(),
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The preload's one source of the contract's method names (it can't load zod; see ipc-channels.ts).
      additionalArguments: [methodsArgument(methodNames)],
    },
  });
  const onThemeChange = () => window.setBackgroundColor(background());
  nativeTheme.on('updated', onThemeChange);
  window.on('closed', () => nativeTheme.off('updated', onThemeChange));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startPath ? `${APP_ORIGIN}${startPath}` : APP_URL);
  return window;
}

/**
 * Closing the window is not quitting, as in other desktop podcast players: while an episode plays
 * the window only hides, so the player (which lives in the page) keeps playing and the tray, the
 * media keys and the Playback menu keep working; a second launch or the tray's Show Earmark brings
 * it back. On macOS the window always hides, as Mac apps stay open without windows (the Dock icon
 * reopens it, with the player as it was). A quit (menu, tray, Cmd+Q) closes it for real.
 *
 * "Plays" is the page's media state ('media-started-playing' / 'media-paused', which Chromium
 * sends as the <audio> starts and stops), not isCurrentlyAudible(): that is a level meter, false
 * in a silent passage, at volume 0 or while buffering, when closing must still not stop the episode.
 */
export function hideInsteadOfClosing(
  window: BrowserWindow,
  options: { isQuitting: () => boolean; onHide?: () => void; platform?: NodeJS.Platform },
): void {
  const platform = options.platform ?? process.platform;
  let playing = false;
  window.webContents.on('media-started-playing', () => (playing = true));
  window.webContents.on('media-paused', () => (playing = false));
  window.on('close', (event) => {
    if (options.isQuitting() || window.webContents.isDestroyed()) return;
    if (platform !== 'darwin' && !playing && !window.webContents.isCurrentlyAudible()) return;
    event.preventDefault();
    hide(window);
    options.onHide?.();
  });
}

/** Hides the window; a fullscreen one leaves fullscreen first (hiding it there leaves a black Space on macOS, electron#20263). */
function hide(window: BrowserWindow): void {
  if (!window.isFullScreen()) return window.hide();
  window.once('leave-full-screen', () => window.hide());
  window.setFullScreen(false);
}

/**
 * Locks every web contents down: no new windows (web links open in the browser), no navigation
 * away from app://earmark, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
