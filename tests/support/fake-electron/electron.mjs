// A recording stand-in for the `electron` module, for booting the real main bundle in plain Node
// (tests/unit/electron/main-boot.test.ts). It keeps the behaviour main relies on as Electron's docs
// describe it (docs/api/app.md, browser-window.md, protocol.md, net.md, client-request.md): "ready"
// after the entry module has run, quit = before-quit → windows close → will-quit → quit, preventable
// events, protocol.handle only after ready, registerSchemesAsPrivileged only before, net.request's
// manual redirects (a 'redirect' event, cancelled unless followed) and header values decoded as
// UTF-8, a window's 'close' a task before it is destroyed. Every call is recorded in `calls`, marked
// with whether it came before ready. What it can't show (what the OS draws or delivers) is left to
// the Playwright `electron` project.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = process.env;
export const calls = [];
/** Messages sent to windows: { channel, args }. */
export const sent = [];
const state = { ready: false, quitting: false, exited: undefined, userData: env.FAKE_ELECTRON_USER_DATA };

function summarize(value, depth = 0) {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => summarize(item, depth + 1));
  if (value instanceof EventEmitter) return `[${value.constructor.name}]`;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, summarize(item, depth + 1)]));
}

function record(api, ...args) {
  calls.push({ api, args: summarize(args), beforeReady: !state.ready });
}

/** An Electron-style event: preventDefault() marks it; listeners see the same object. */
function preventable(extra = {}) {
  const event = { defaultPrevented: false, ...extra };
  event.preventDefault = () => {
    event.defaultPrevented = true;
  };
  return event;
}

// --- app ---

class App extends EventEmitter {
  get isPackaged() {
    return env.FAKE_ELECTRON_PACKAGED === '1';
  }
  isReady() {
    return state.ready;
  }
  whenReady() {
    return state.ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', () => resolve()));
  }
  getPath(name) {
    record('app.getPath', name);
    const userData = state.userData ?? path.join(tmpdir(), 'fake-electron-user-data');
    const paths = { userData, logs: path.join(userData, 'logs'), temp: tmpdir(), home: tmpdir() };
    if (!(name in paths)) throw new Error(`fake electron: no path ${name}`);
    return paths[name];
  }
  setPath(name, value) {
    record('app.setPath', name, value);
    if (name === 'userData') state.userData = value;
  }
  getAppPath() {
    return env.FAKE_ELECTRON_APP_PATH;
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'Earmark';
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return env.FAKE_ELECTRON_SECOND_INSTANCE !== '1';
  }
  setAsDefaultProtocolClient(...args) {
    record('app.setAsDefaultProtocolClient', ...args);
    return true;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id);
  }
  focus() {
    record('app.focus');
  }
  /**
   * Electron's order (docs/api/app.md): before-quit, close every window, will-quit, quit. A window
   * is destroyed a task after its 'close' (Chromium runs the page's unload handlers in between, and
   * what the page sends then arrives first), as closeWindows does.
   */
  quit() {
    record('app.quit');
    setImmediate(async () => {
      const beforeQuit = preventable();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      state.quitting = true;
      if (!(await closeWindows(BrowserWindow.getAllWindows()))) {
        state.quitting = false;
        return; // a window refused: the quit is cancelled
      }
      const willQuit = preventable();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        state.quitting = false;
        return;
      }
      this.emit('quit', preventable(), 0);
      this.exit(0);
    });
  }
  exit(code = 0) {
    record('app.exit', code);
    if (state.exited !== undefined) return;
    state.exited = code;
    this.emit('fake-exit', code);
  }
}
export const app = new App();

/** Called by the boot script once the entry module has been evaluated, as Electron does. */
export function emitReady() {
  state.ready = true;
  app.emit('ready', preventable(), {});
}
export const fakeState = state;

// --- windows and web contents ---

let nextId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.url = '';
    this.destroyed = false;
    this.audible = false;
    this.windowOpenHandler = undefined;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isCurrentlyAudible() {
    return this.audible;
  }
  send(channel, ...args) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    sent.push({ webContentsId: this.id, channel, args: summarize(args) });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  constructor(options = {}) {
    super();
    record('new BrowserWindow', options);
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    this.visible = false;
    this.minimized = false;
    this.fullScreen = false;
    windows.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url);
    this.webContents.url = url;
    setImmediate(() => !this.destroyed && this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show');
    this.visible = true;
  }
  hide() {
    record('BrowserWindow.hide', { fullScreen: this.fullScreen });
    this.visible = false;
  }
  focus() {}
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  /** Leaving fullscreen is animated on macOS: 'leave-full-screen' comes a moment later. */
  setFullScreen(flag) {
    record('BrowserWindow.setFullScreen', flag);
    if (this.fullScreen === flag) return;
    this.fullScreen = flag;
    setImmediate(() => this.emit(flag ? 'enter-full-screen' : 'leave-full-screen'));
  }
  setBackgroundColor() {}
  /** The user closes the window (its close button). */
  close() {
    record('BrowserWindow.close');
    void closeWindows([this]).then((closed) => {
      if (closed && BrowserWindow.getAllWindows().length === 0 && !state.quitting) app.emit('window-all-closed');
    });
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** 'close' to each (preventable), then, a task later, destroyed: true when all closed. */
async function closeWindows(list) {
  for (const window of list) {
    const event = preventable();
    window.emit('close', event);
    if (event.defaultPrevented) return false;
  }
  await new Promise((resolve) => setImmediate(resolve));
  for (const window of list) window.destroy();
  return true;
}

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

// --- ipc, protocols, session ---

export const ipcHandlers = new Map();
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
});

export const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  },
  handle(scheme, handler) {
    record('protocol.handle', scheme);
    if (!state.ready) throw new Error('protocol.handle: the protocol module can only be used after the app is ready');
    protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record('session.setPermissionRequestHandler', handler);
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record('session.setPermissionCheckHandler', handler);
      this.permissionCheckHandler = handler;
    },
  },
};

// --- menus, tray, images, notifications, dialogs, shell ---

export let applicationMenu;
export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu');
    applicationMenu = menu;
  },
};

export const trays = [];
export class Tray extends EventEmitter {
  constructor(image) {
    super();
    record('new Tray', image);
    this.image = image;
    this.destroyed = false;
    trays.push(this);
  }
  setToolTip(text) {
    this.toolTip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    record('Tray.destroy');
    this.destroyed = true;
  }
}

function image(file) {
  return {
    path: file,
    exists: existsSync(file),
    template: /Template(@\dx)?\.png$/.test(file),
    representations: [],
    isEmpty() {
      return !this.exists;
    },
    addRepresentation(options) {
      this.representations.push(options);
    },
    setTemplateImage(flag) {
      this.template = flag;
    },
    isTemplateImage() {
      return this.template;
    },
    toDataURL() {
      return `data:image/png;path=${file}`;
    },
  };
}
export const nativeImage = { createFromPath: image };

export const notifications = [];
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
    notifications.push(this);
  }
  show() {
    record('Notification.show', this.options);
  }
}

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', title, content);
    process.stderr.write(`[dialog] ${title}: ${content}\n`);
  },
};

export const shell = {
  openExternal(url) {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
  openPath() {
    return Promise.resolve('');
  },
};

// --- net: Chromium's network stack, stood in for by node:http ---

/** Electron decodes header bytes as UTF-8 (net_converter.cc); node:http hands them over as Latin-1. */
const utf8 = (text) => Buffer.from(text, 'latin1').toString('utf8');
function utf8Headers(headers, asArrays) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const values = [value].flat().map(utf8);
      return [name, asArrays ? values : values.join(', ')];
    }),
  );
}

/** net.request's ClientRequest, as lib/browser/api/net-client-request.ts behaves. */
class ClientRequest extends EventEmitter {
  constructor(options) {
    super();
    if (!state.ready) throw new Error('net module can only be used after app is ready');
    this.options = options;
    this.headers = {};
    this.aborted = false;
  }
  setHeader(name, value) {
    this.headers[name] = value;
  }
  abort() {
    if (this.aborted) return;
    this.aborted = true;
    this.request?.destroy();
    this.response?.destroy();
    process.nextTick(() => this.emit('abort'));
  }
  end() {
    this.fetch(new URL(this.options.url), 0);
  }
  fetch(target, hops) {
    const client = target.protocol === 'https:' ? https : http;
    this.request = client.request(target, { method: this.options.method ?? 'GET', headers: this.headers });
    this.request.on('error', (error) => !this.aborted && this.emit('error', error));
    this.request.on('response', (response) => {
      if (this.aborted) return response.destroy();
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        const next = new URL(location, target);
        const policy = this.options.redirect ?? 'follow';
        if (policy === 'error')
          return this.emit('error', new Error("Attempted to redirect, but redirect policy was 'error'"));
        let followed = policy === 'follow';
        this.followRedirect = () => (followed = true);
        this.emit(
          'redirect',
          response.statusCode,
          this.options.method ?? 'GET',
          next.href,
          utf8Headers(response.headers, true),
        );
        this.followRedirect = undefined;
        if (this.aborted) return;
        if (!followed) return this.emit('error', new Error('Redirect was cancelled'));
        if (hops >= 20) return this.emit('error', new Error('net::ERR_TOO_MANY_REDIRECTS'));
        return this.fetch(next, hops + 1);
      }
      Object.defineProperty(response, 'headers', { value: utf8Headers(response.headers, false) });
      this.response = response;
      this.emit('response', response);
    });
    this.request.end();
  }
}

export const netLog = [];
export const net = {
  request(options) {
    const request = new ClientRequest(typeof options === 'string' ? { url: options } : options);
    netLog.push({ via: 'request', url: request.options.url, options: summarize(request.options) });
    return request;
  },
  fetch() {
    throw new Error('fake electron: net.fetch is not used by Earmark (see electron/system-fetch.ts)');
  },
};

const electron = {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  protocol,
  session,
  shell,
  Tray,
};
export default electron;
