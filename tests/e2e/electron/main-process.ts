/**
 * The Electron main process as the OS meets it: the application menu, the tray's menu, OS
 * notifications. Everything goes through `electronApp.evaluate`, which runs a function in the main
 * process with the `electron` module as its argument; the functions are serialized, so each one
 * is self-contained. Nothing here needs a hook in the production code.
 */
import type { ElectronApplication } from '@playwright/test';

export interface MenuItemFacts {
  label: string;
  accelerator: string | null;
  registerAccelerator: boolean;
}

/** The items of the application menu's Playback menu (empty when there is none). */
export function playbackMenuItems(electronApp: ElectronApplication): Promise<MenuItemFacts[]> {
  return electronApp.evaluate(({ Menu }) => {
    const playback = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Playback');
    return (playback?.submenu?.items ?? []).map(({ label, accelerator, registerAccelerator }) => ({
      label,
      accelerator,
      registerAccelerator,
    }));
  });
}

/** Clicks a Playback menu item the way Electron does when the user picks it. */
export async function clickPlaybackMenuItem(electronApp: ElectronApplication, label: string): Promise<void> {
  const clicked = await electronApp.evaluate(({ Menu }, wanted) => {
    const playback = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Playback');
    const item = playback?.submenu?.items.find((entry) => entry.label === wanted);
    item?.click();
    return Boolean(item);
  }, label);
  if (!clicked) throw new Error(`no Playback menu item "${label}"`);
}

export interface LiveTrays {
  /** Tray objects alive in the main process that were not destroyed. */
  trays: number;
  /** Labels of the context menu that has "Show Earmark" (the tray's), outside the application menu. */
  trayMenuLabels: string[];
}

/**
 * Finds the tray without a handle from the app: Electron can list neither trays nor a tray's
 * menu, so this asks V8, through the main process's own inspector (Runtime.queryObjects, which
 * `node --inspect` tooling uses to count instances), for every live object built on
 * Tray.prototype and Menu.prototype. They are kept under a test-only global key for
 * `clickTrayMenuItem`. A garbage-collected tray (the bug a module-level reference prevents)
 * is not found, because queryObjects collects garbage first.
 */
export function findTray(electronApp: ElectronApplication): Promise<LiveTrays> {
  return electronApp.evaluate(async ({ Menu, Tray }) => {
    const inspector = process.getBuiltinModule('node:inspector');
    const session = new inspector.Session();
    session.connect();
    const post = <T>(method: string, params: object) =>
      new Promise<T>((resolve, reject) =>
        session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
      );
    const key = Symbol.for('earmark-e2e:live-objects');
    const store = globalThis as unknown as Record<symbol, unknown>;
    const liveObjects = async (prototype: object): Promise<unknown[]> => {
      store[key] = prototype;
      const { result } = await post<{ result: { objectId: string } }>('Runtime.evaluate', {
        expression: "globalThis[Symbol.for('earmark-e2e:live-objects')]",
      });
      const { objects } = await post<{ objects: { objectId: string } }>('Runtime.queryObjects', {
        prototypeObjectId: result.objectId,
      });
      await post('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: "function () { globalThis[Symbol.for('earmark-e2e:live-objects')] = Array.from(this); }",
      });
      return store[key] as unknown[];
    };
    try {
      const trays = (await liveObjects(Tray.prototype)) as Electron.Tray[];
      const applicationMenu = Menu.getApplicationMenu();
      const menus = (await liveObjects(Menu.prototype)) as Electron.Menu[];
      const trayMenus = menus.filter(
        (menu) => menu !== applicationMenu && menu.items.some((item) => item.label === 'Show Earmark'),
      );
      store[Symbol.for('earmark-e2e:tray-menu')] = trayMenus.length === 1 ? trayMenus[0] : undefined;
      return {
        trays: trays.filter((tray) => !tray.isDestroyed()).length,
        trayMenuLabels: trayMenus.length === 1 ? trayMenus[0]!.items.map((item) => item.label || item.type) : [],
      };
    } finally {
      delete store[key];
      session.disconnect();
    }
  });
}

/** Clicks an item of the tray menu that `findTray` found. */
export async function clickTrayMenuItem(electronApp: ElectronApplication, label: string): Promise<void> {
  const clicked = await electronApp.evaluate((_electron, wanted) => {
    const menu = (globalThis as unknown as Record<symbol, Electron.Menu | undefined>)[
      Symbol.for('earmark-e2e:tray-menu')
    ];
    const item = menu?.items.find((entry) => entry.label === wanted);
    item?.click();
    return Boolean(item);
  }, label);
  if (!clicked) throw new Error(`no tray menu item "${label}" (call findTray first)`);
}

/**
 * From now on, records every OS notification the app shows instead of showing it (so the test
 * needs no notification daemon and the desktop stays quiet). Also reports the platform as able
 * to show notifications: whether this machine has a notification service is not what is tested.
 */
export async function recordNotifications(electronApp: ElectronApplication): Promise<void> {
  await electronApp.evaluate(({ Notification }) => {
    const shown: Electron.Notification[] = [];
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('earmark-e2e:notifications')] = shown;
    Notification.isSupported = () => true;
    Notification.prototype.show = function show(this: Electron.Notification) {
      shown.push(this);
    };
  });
}

/** The notifications shown since `recordNotifications`, oldest first. */
export function shownNotifications(electronApp: ElectronApplication): Promise<{ title: string; body: string }[]> {
  return electronApp.evaluate(() => {
    const shown = (globalThis as unknown as Record<symbol, Electron.Notification[] | undefined>)[
      Symbol.for('earmark-e2e:notifications')
    ];
    return (shown ?? []).map(({ title, body }) => ({ title, body }));
  });
}

/** Clicks a recorded notification, as the OS reports a click on it. */
export async function clickNotification(electronApp: ElectronApplication, index: number): Promise<void> {
  await electronApp.evaluate((_electron, at) => {
    const shown = (globalThis as unknown as Record<symbol, Electron.Notification[] | undefined>)[
      Symbol.for('earmark-e2e:notifications')
    ];
    const notification = shown?.[at];
    if (!notification) throw new Error(`no notification #${at}`);
    notification.emit('click', {});
  }, index);
}

/** Whether the app's (first) window is shown. */
export function windowVisible(electronApp: ElectronApplication): Promise<boolean> {
  return electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false);
}

/** Hides the app's window, as closing to the tray or a window manager's "hide" would. */
export async function hideWindow(electronApp: ElectronApplication): Promise<void> {
  await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
}
