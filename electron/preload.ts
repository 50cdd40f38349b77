/**
 * Exposes window.earmark: one function per contract method plus on(). No logic, and no zod: it
 * imports only the plain name list (types are erased), and is bundled to one CommonJS file because
 * a sandboxed preload can require nothing but "electron" and a few built-ins.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EarmarkBridge, EventName } from '../shared/api.js';
import { eventChannel, methodChannel, methodNames } from '../shared/method-names.js';

type Methods = Omit<EarmarkBridge, 'on'>;

const methods = Object.fromEntries(
  methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(methodChannel(method), input)]),
) as Methods;

const bridge = {
  ...methods,
  on(listener: (event: EventName, payload: unknown) => void) {
    // The IpcRendererEvent never reaches the page (it would expose ipcRenderer's sender).
    const forward = (_event: IpcRendererEvent, name: EventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
} satisfies EarmarkBridge;

contextBridge.exposeInMainWorld('earmark', bridge);
