/**
 * electron-builder.yml's `appId` (a unit test keeps the two equal). On Windows it is the
 * AppUserModelID: the NSIS installer stamps it on the Start menu shortcut, and toasts show only
 * for, and are credited to, the ID of a shortcut that exists (Electron's notifications tutorial).
 */
export const APP_ID = 'app.earmark.desktop';

/**
 * The ID to hand app.setAppUserModelId on Windows. Run from source there is no shortcut with our
 * ID, so Electron's advice for development applies: the executable's path.
 */
export function appUserModelId(isPackaged: boolean, execPath: string): string {
  return isPackaged ? APP_ID : execPath;
}
