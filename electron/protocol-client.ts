import { DEEP_LINK_SCHEME } from '../shared/deep-link.js';

export interface ProtocolClientContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** app.getAppPath(): the folder Electron was started with when run from source. */
  appPath: string;
  execPath: string;
  env: NodeJS.ProcessEnv;
}

/** What main passes to app.setAsDefaultProtocolClient, or why it registers nothing. */
export type ProtocolClientPlan =
  { register: true; scheme: string; launcher?: { path: string; args: string[] } } | { register: false; reason: string };

/**
 * Whether and how this run makes itself the OS handler of earmark:// links (the links in exported
 * notes). Registration is system-wide and outlives the process, so:
 * - never while tests run (they set EARMARK_DATA_DIR to a throwaway folder; CI sets CI): a test run
 *   must not take the links away from the installed app;
 * - an AppImage (APPIMAGE is set): nothing. It installs no desktop file, and Electron would point
 *   xdg at $CHROME_DESKTOP all the same, or take the links from an AppImageLauncher integration;
 * - packaged: the plain call. Windows writes the registry with this executable; macOS can only
 *   claim a scheme the bundle's Info.plist declares and Linux points xdg at the installed desktop
 *   file, both of which electron-builder.yml's `protocols` provide;
 * - from source on Windows: Electron plus the app folder, so a click starts this checkout. It is
 *   app.getAppPath(), not process.argv[1]: launched by Playwright or with flags, argv[1] is a
 *   Chromium switch such as --no-sandbox. The extra path and arguments exist only on Windows;
 * - from source on macOS and Linux: nothing. The running bundle is Electron.app, whose Info.plist
 *   has no earmark scheme, and a checkout installs no desktop file, so registering would only hand
 *   the links to a bare Electron.
 */
export function protocolClientPlan({
  platform,
  isPackaged,
  appPath,
  execPath,
  env,
}: ProtocolClientContext): ProtocolClientPlan {
  if (env.EARMARK_DATA_DIR || env.CI) {
    return { register: false, reason: 'a test or a separate data folder: the installed app keeps earmark:// links' };
  }
  if (env.APPIMAGE) {
    return { register: false, reason: 'an AppImage: the links would point at a desktop file no package installed' };
  }
  if (isPackaged) return { register: true, scheme: DEEP_LINK_SCHEME };
  if (platform === 'win32')
    return { register: true, scheme: DEEP_LINK_SCHEME, launcher: { path: execPath, args: [appPath] } };
  return { register: false, reason: 'run from source: only an installed Earmark can receive earmark:// links here' };
}
