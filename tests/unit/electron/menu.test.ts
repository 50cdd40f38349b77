/**
 * The native menu's Playback menu against shared/menu-commands.ts. `electron` is mocked only
 * because the binary cannot exist here; the real menu is checked by the `_electron` suite.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuCommands, type MenuCommand } from '../../../shared/menu-commands.js';

vi.mock('electron', () => ({
  app: { isPackaged: true },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
}));

const { buildMenu } = await import('../../../electron/menu.js');

function playbackMenu(send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const { template } = buildMenu(send) as unknown as { template: MenuItemConstructorOptions[] };
  const playback = template.find((item) => item.label === 'Playback');
  expect(playback, 'a Playback menu').toBeDefined();
  return playback!.submenu as MenuItemConstructorOptions[];
}

describe('the Playback menu', () => {
  it('lists every menu command with its label and key, shown but not registered', () => {
    const items = playbackMenu(() => {});
    expect(
      items.map(({ label, accelerator, registerAccelerator }) => ({ label, accelerator, registerAccelerator })),
    ).toEqual(menuCommands.map(({ label, key }) => ({ label, accelerator: key, registerAccelerator: false })));
  });

  it('sends the command of the item clicked', () => {
    const sent: MenuCommand[] = [];
    const items = playbackMenu((command) => sent.push(command));
    for (const item of items) (item.click as (...args: unknown[]) => void)({}, undefined, undefined, {});
    expect(sent).toEqual(menuCommands.map(({ command }) => command));
  });

  it('has no developer tools in a packaged build', () => {
    const { template } = buildMenu(() => {}) as unknown as { template: MenuItemConstructorOptions[] };
    const view = template.find((item) => item.label === 'View');
    const roles = (view?.submenu as MenuItemConstructorOptions[]).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
  });
});
