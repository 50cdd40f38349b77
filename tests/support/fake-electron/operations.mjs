// What the test can ask of the booted main process (boot.mjs runs these on request). Everything
// returned is plain JSON: functions become "[function]", bodies base64.
import * as electron from './electron.mjs';

const { app, BrowserWindow } = electron;

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function until(check, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`fake electron: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function serializeMenu(items) {
  return (items ?? []).map((item) => ({
    label: item.label,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    registerAccelerator: item.registerAccelerator,
    ...(Array.isArray(item.submenu) ? { submenu: serializeMenu(item.submenu) } : {}),
  }));
}

function mainWindow() {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) throw new Error('fake electron: no window');
  return window;
}

function serializeWindow(window) {
  return {
    url: window.webContents.getURL(),
    visible: window.visible,
    destroyed: window.destroyed,
    fullScreen: window.fullScreen,
    options: JSON.parse(JSON.stringify(window.options)),
  };
}

export const ops = {
  /** Emits "ready" and waits until main has opened its window. */
  async ready() {
    electron.emitReady();
    await until(() => BrowserWindow.getAllWindows().length > 0 || electron.fakeState.exited !== undefined, 'a window');
    await settle();
  },
  calls: () => electron.calls,
  sent: () => electron.sent,
  netLog: () => electron.netLog,
  windows: () => BrowserWindow.getAllWindows().map(serializeWindow),
  allWindowsEver: () => electron.calls.filter((call) => call.api === 'new BrowserWindow').length,
  ipcChannels: () => [...electron.ipcHandlers.keys()],

  /** Calls a protocol.handle handler as Chromium would; the answer as status, headers and bytes. */
  async protocol(scheme, url, init = {}) {
    const handler = electron.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`fake electron: nothing handles ${scheme}:`);
    const response = await handler(new Request(url, init));
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers), body: body.toString('base64') };
  },

  /** Invokes a contract method the way ipcRenderer.invoke from a frame at frameUrl arrives. */
  async ipc(channel, input, frameUrl) {
    const handler = electron.ipcHandlers.get(channel);
    if (!handler) throw new Error(`fake electron: no handler for ${channel}`);
    const sender = BrowserWindow.getAllWindows()[0]?.webContents;
    return handler({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, input);
  },

  /** An app event with Electron's preventable event first (second-instance, open-url, activate). */
  async emitApp(name, ...args) {
    app.emit(name, { preventDefault() {}, defaultPrevented: false }, ...args);
    await settle();
  },

  /** Asks the app to quit; the boot reports the exit by itself. */
  quit() {
    app.quit();
  },

  /**
   * The page's media state as Chromium reports it: 'media-started-playing' / 'media-paused', and
   * whether sound is coming out right now (isCurrentlyAudible, a level meter).
   */
  media({ playing, audible = playing }) {
    const { webContents } = mainWindow();
    webContents.audible = audible;
    webContents.emit(playing ? 'media-started-playing' : 'media-paused');
  },

  /** The user closes the window (fullScreen: from fullscreen). */
  async closeWindow({ fullScreen = false } = {}) {
    const window = mainWindow();
    window.fullScreen = fullScreen;
    window.close();
    for (let i = 0; i < 4; i++) await settle();
    return serializeWindow(window);
  },

  /** Windows: the session ends (shutdown, log off); no quit events follow. */
  sessionEnd() {
    mainWindow().emit('session-end', {});
  },

  notifications: () => electron.notifications.map((notification) => ({ ...notification.options, shown: true })),
  clickNotification(index) {
    electron.notifications[index]?.emit('click');
  },

  /** What the page's pagehide handler does as the window closes: one last contract call. */
  saveOnClose(channel, input) {
    const window = mainWindow();
    window.once('close', () => {
      void electron.ipcHandlers.get(channel)?.(
        { sender: window.webContents, senderFrame: { url: window.webContents.getURL() } },
        input,
      );
    });
  },

  menu: () => serializeMenu(electron.applicationMenu?.template),

  /** Clicks Playback ▸ <item> as Electron calls a template's click: (menuItem, window, event). */
  clickMenu(menuLabel, itemLabel) {
    const menu = electron.applicationMenu.template.find((item) => item.label === menuLabel);
    const item = menu?.submenu?.find((entry) => entry.label === itemLabel);
    if (!item?.click) throw new Error(`fake electron: no menu item ${menuLabel} ▸ ${itemLabel}`);
    item.click({}, BrowserWindow.getAllWindows()[0], { triggeredByAccelerator: false });
  },

  tray() {
    const tray = electron.trays.at(-1);
    if (!tray) return null;
    return {
      image: { path: tray.image.path, exists: tray.image.exists, template: tray.image.isTemplateImage() },
      toolTip: tray.toolTip,
      menu: serializeMenu(tray.menu?.template),
      clickListeners: tray.listenerCount('click'),
      destroyed: tray.destroyed,
    };
  },
  clickTray() {
    electron.trays.at(-1)?.emit('click', {}, {}, {});
  },
  clickTrayItem(label) {
    const item = electron.trays.at(-1)?.menu?.template.find((entry) => entry.label === label);
    if (!item?.click) throw new Error(`fake electron: no tray item ${label}`);
    item.click({}, undefined, { triggeredByAccelerator: false });
  },

  permissionRequest(permission, url) {
    const handler = electron.session.defaultSession.permissionRequestHandler;
    return new Promise((resolve) => handler({ getURL: () => url }, permission, resolve, {}));
  },
};
