import { BrowserWindow, ipcMain } from 'electron';
import { methodNames, type Envelope } from '../shared/api.js';
import { eventChannel, methodChannel } from '../shared/ipc-channels.js';
import type { EarmarkApp } from './core/app.js';

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'invalid-input', message: 'Forbidden: this call did not come from an Earmark window.' },
};

/**
 * The Electron transport: one ipcMain.handle per contract method (never a generic channel), each
 * checking that the calling frame is one of our own app:// pages before handing the raw input to
 * app.call, which validates it. Events go to every window showing an app:// page. Returns a
 * function that removes it all.
 */
export function registerIpc(app: EarmarkApp, isTrustedUrl: (url: string) => boolean): () => void {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), (event, input: unknown) => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isTrustedUrl(url)) return forbidden;
      return app.call(method, input);
    });
  }
  const unsubscribe = app.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (window.isDestroyed() || contents.isDestroyed() || !isTrustedUrl(contents.getURL())) continue;
      contents.send(eventChannel, name, payload);
    }
  });
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(methodChannel(method));
    unsubscribe();
  };
}
