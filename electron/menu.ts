import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { menuCommands, type MenuCommand } from '../shared/menu-commands.js';

/**
 * The native menu: standard roles for platform-correct labels, plus a Playback menu with the
 * listening actions. Their keys are single keys the renderer already handles (and ignores while
 * typing), so they are shown but not registered: a registered "N" would swallow every N typed in a
 * note (registerAccelerator is honoured on Windows and Linux; macOS menus only show such keys).
 */
export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const playback: MenuItemConstructorOptions[] = menuCommands.map(({ command, label, key }) => ({
    label,
    accelerator: key,
    registerAccelerator: false,
    click: () => send(command),
  }));
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
