/**
 * Exposes window.earmark: one function per contract method plus on(). No logic, and no zod (it would
 * make this file 750 KB): the method names come from main on process.argv (see ipc-channels.ts), and
 * it is bundled to one CommonJS file because a sandboxed preload can require nothing but "electron"
 * and a few built-ins.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EarmarkBridge, EventName } from '../shared/api.js';
import { eventChannel, methodChannel, methodsFromArgv } from '../shared/ipc-channels.js';

type Methods = Omit<EarmarkBridge, 'on'>;

const methodNames = methodsFromArgv(process.argv);
if (methodNames.length === 0) console.error('Earmark: the window was opened without the method names.');
const methods = Object.fromEntries(
  methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(methodChannel(method), input)]),
) as Methods;

// One ipcRenderer listener for the page's lifetime, fanned out here: a listener per subscriber
// would pile up on ipcRenderer (and trip its max-listeners warning) as views come and go.
const listeners = new Set<(event: EventName, payload: unknown) => void>();
ipcRenderer.on(eventChannel, (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
  // The IpcRendererEvent never reaches the page (it would expose ipcRenderer's sender).
  for (const listener of [...listeners]) {
    try {
      listener(name, payload);
    } catch (error) {
      console.error(error); // one failing view must not starve the others
    }
  }
});

const bridge = {
  ...methods,
  on(listener: (event: EventName, payload: unknown) => void) {
    // A wrapper per call, so subscribing the same function twice gives two independent subscriptions.
    const subscription = (name: EventName, payload: unknown) => listener(name, payload);
    listeners.add(subscription);
    return () => {
      listeners.delete(subscription);
    };
  },
} satisfies EarmarkBridge;

contextBridge.exposeInMainWorld('earmark', bridge);
