import path from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { menuCommands, type MenuCommand } from '../shared/menu-commands.js';

/** The listening actions the tray offers: the ones that make sense without looking at the window. */
export const trayCommands: readonly MenuCommand[] = ['play-pause', 'skip-back', 'skip-forward', 'next-chapter'];

export interface TrayActions {
  /** Runs a listening action, exactly as the Playback menu does (a `menuCommand` event). */
  send: (command: MenuCommand) => void;
  /** Brings the window back: restores, shows and focuses it, or opens a new one. */
  show: () => void;
  quit: () => void;
}

/**
 * The tray's menu. Labels come from shared/menu-commands.ts; the keys are left out, because they
 * work only while the window has focus and a tray menu is used when it has not.
 */
export function trayMenuTemplate({ send, show, quit }: TrayActions): MenuItemConstructorOptions[] {
  const listening = menuCommands
    .filter(({ command }) => trayCommands.includes(command))
    .map(({ command, label }): MenuItemConstructorOptions => ({ label, click: () => send(command) }));
  return [
    ...listening,
    { type: 'separator' },
    { label: 'Show Earmark', click: show },
    { type: 'separator' },
    { label: 'Quit', click: quit },
  ];
}

/**
 * The tray icon, or undefined where the desktop has no tray (some Linux desktops make `new Tray`
 * throw): the app works the same without it. The caller keeps the Tray referenced, or it is
 * garbage-collected and disappears.
 * - macOS: a template image (black + alpha, named *Template so nativeImage marks it), which the
 *   menu bar tints for light and dark; a click there opens the menu.
 * - Windows: the colour icon; a left click shows the window (the menu is on the right click), as
 *   Windows users expect of a tray icon. Linux panels mostly show the menu on any click.
 */
export function createTray(
  assetsDir: string,
  actions: TrayActions,
  warn: (message: string) => void,
  platform: NodeJS.Platform = process.platform,
): Tray | undefined {
  try {
    const tray = new Tray(trayIcon(path.join(assetsDir, 'icons'), platform));
    tray.setToolTip('Earmark');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
    if (platform === 'win32') tray.on('click', () => actions.show());
    return tray;
  } catch (error) {
    warn(`No tray icon: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function trayIcon(icons: string, platform: NodeJS.Platform): NativeImage {
  if (platform === 'darwin') {
    // trayTemplate@2x.png beside it is picked up for Retina screens by its name.
    const icon = nativeImage.createFromPath(path.join(icons, 'trayTemplate.png'));
    icon.setTemplateImage(true);
    return icon;
  }
  const icon = nativeImage.createFromPath(path.join(icons, '16x16.png'));
  // The sharper icon on high-density screens.
  icon.addRepresentation({
    scaleFactor: 2,
    dataURL: nativeImage.createFromPath(path.join(icons, '32x32.png')).toDataURL(),
  });
  return icon;
}
