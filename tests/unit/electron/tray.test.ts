/**
 * The tray's menu and its creation. `electron` is mocked only because the binary cannot exist
 * here (importing the package throws without it); what the OS does with the tray is left to the
 * `_electron` suite.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuCommands, type MenuCommand } from '../../../shared/menu-commands.js';

const electron = vi.hoisted(() => {
  const trays: { image: unknown; toolTip?: string; menu?: unknown }[] = [];
  const images: { path: string; representations: unknown[] }[] = [];
  const state = { trayThrows: false };
  class Tray {
    private readonly record: (typeof trays)[number];
    constructor(image: unknown) {
      if (state.trayThrows) throw new Error('no tray on this desktop');
      this.record = { image };
      trays.push(this.record);
    }
    setToolTip(toolTip: string) {
      this.record.toolTip = toolTip;
    }
    setContextMenu(menu: unknown) {
      this.record.menu = menu;
    }
  }
  const nativeImage = {
    createFromPath: (path: string) => {
      const image = {
        path,
        representations: [] as unknown[],
        addRepresentation: (options: unknown) => image.representations.push(options),
        toDataURL: () => `data:image/png;from=${path}`,
      };
      images.push(image);
      return image;
    },
  };
  const Menu = { buildFromTemplate: (template: unknown) => ({ template }) };
  return { trays, images, state, Tray, nativeImage, Menu };
});
vi.mock('electron', () => ({ Tray: electron.Tray, nativeImage: electron.nativeImage, Menu: electron.Menu }));

const { createTray, trayCommands, trayMenuTemplate } = await import('../../../electron/tray.js');

function actions() {
  const calls: string[] = [];
  return {
    calls,
    send: (command: MenuCommand) => calls.push(`send ${command}`),
    show: () => calls.push('show'),
    quit: () => calls.push('quit'),
  };
}

/** Clicks an item the way Electron calls a template's click (menuItem, window, webContents, event). */
function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item?.click, `a click handler on ${item?.label}`).toBeTypeOf('function');
  (item!.click as (...args: unknown[]) => void)({}, undefined, undefined, {});
}

beforeEach(() => {
  electron.trays.length = 0;
  electron.images.length = 0;
  electron.state.trayThrows = false;
});

describe('the tray menu', () => {
  it('offers the listening actions with the Playback menu labels, then Show Earmark and Quit', () => {
    const template = trayMenuTemplate(actions());
    const labelOf = (command: MenuCommand) => menuCommands.find((entry) => entry.command === command)?.label;
    expect(template.map((item) => item.label ?? item.type)).toEqual([
      labelOf('play-pause'),
      labelOf('skip-back'),
      labelOf('skip-forward'),
      labelOf('next-chapter'),
      'separator',
      'Show Earmark',
      'separator',
      'Quit',
    ]);
    expect(trayCommands.map(labelOf)).toEqual(['Play/Pause', 'Skip Back', 'Skip Forward', 'Next Chapter']);
  });

  it('shows no keys: they work only while the window has focus', () => {
    for (const item of trayMenuTemplate(actions())) {
      expect(item.accelerator).toBeUndefined();
    }
  });

  it('sends each listening action as its menu command; Show Earmark shows, Quit quits', () => {
    const recorder = actions();
    const template = trayMenuTemplate(recorder);
    for (const item of template.filter((entry) => entry.type !== 'separator')) click(item);
    expect(recorder.calls).toEqual([
      'send play-pause',
      'send skip-back',
      'send skip-forward',
      'send next-chapter',
      'show',
      'quit',
    ]);
  });
});

describe('createTray', () => {
  it('makes a tray named Earmark from the 16 px icon (32 px for 2x screens) with the tray menu', () => {
    const warnings: string[] = [];
    const tray = createTray('/app/assets', actions(), (message) => warnings.push(message));
    expect(tray).toBeDefined();
    expect(warnings).toEqual([]);
    expect(electron.trays).toHaveLength(1);
    const [made] = electron.trays;
    expect(made?.toolTip).toBe('Earmark');
    expect(made?.image).toMatchObject({
      path: path.join('/app/assets', 'icons', '16x16.png'),
      representations: [
        { scaleFactor: 2, dataURL: `data:image/png;from=${path.join('/app/assets', 'icons', '32x32.png')}` },
      ],
    });
    const menu = made?.menu as { template: MenuItemConstructorOptions[] };
    expect(menu.template.map((item) => item.label)).toEqual(trayMenuTemplate(actions()).map((item) => item.label));
  });

  it('carries on without a tray where the desktop has none, and says why', () => {
    electron.state.trayThrows = true;
    const warnings: string[] = [];
    expect(createTray('/app/assets', actions(), (message) => warnings.push(message))).toBeUndefined();
    expect(warnings).toEqual(['No tray icon: no tray on this desktop']);
  });
});
