import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { menuCommands, type MenuCommand } from '../shared/menu-commands.js';

/** Runs a listening action in the page; byKey: a keyboard shortcut chose it, not a click. */
export type SendCommand = (command: MenuCommand, byKey?: boolean) => void;

/** The keys as macOS menus print them, for labels (a Mac menu item here carries no accelerator). */
const macKeyNames: Record<string, string> = {
  Space: 'Space',
  Left: '←',
  Right: '→',
  'Shift+Left': '⇧←',
  'Shift+Right': '⇧→',
  'Shift+/': '?',
};

/**
 * The Playback menu's items. Their keys are single keys the page already handles (and ignores
 * while typing), so the menu must never act on them itself, or every N typed in a note would start
 * a new note:
 * - Windows and Linux: the key is shown as the accelerator but not registered
 *   (`registerAccelerator: false`, which Electron honours only on those two).
 * - macOS: no accelerator at all, the key goes in the label instead. macOS offers a keydown the page
 *   did not consume to the menu's key equivalents, and registerAccelerator does not apply there.
 */
export function playbackItems(
  send: (command: MenuCommand) => void,
  platform = process.platform,
): MenuItemConstructorOptions[] {
  return menuCommands.map(({ command, label, key }) =>
    platform === 'darwin'
      ? { label: `${label} (${macKeyNames[key] ?? key})`, click: () => send(command) }
      : { label, accelerator: key, registerAccelerator: false, click: () => send(command) },
  );
}

/** The native menu: standard roles for platform-correct labels, plus the Playback menu. */
export function buildMenu(send: SendCommand, platform = process.platform): Menu {
  const isMac = platform === 'darwin';
  const playback = playbackItems(send, platform);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        // Developer tools only in development builds.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Playback', submenu: playback },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  return Menu.buildFromTemplate(template);
}
