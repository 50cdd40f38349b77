/**
 * The built preload (out/preload/preload.cjs) run the way a sandboxed preload runs: CommonJS, with
 * `require` answering only "electron". It must expose one function per contract method and fan the
 * event channel out from a single ipcRenderer listener, however many views subscribe.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/api.js';
import { eventChannel, methodChannel, methodsArgument } from '../../../shared/ipc-channels.js';

const bundle = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/preload/preload.cjs');

type Bridge = Record<string, (...args: unknown[]) => unknown> & {
  on(listener: (name: string, payload: unknown) => void): () => void;
};

/** argv: the renderer's process.argv; main's window adds the method names (see main-boot.test.ts). */
function loadPreload(argv = ['electron', '--type=renderer', methodsArgument(methodNames)]) {
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoked: [] as [string, unknown][],
    invoke(channel: string, input: unknown) {
      this.invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
  });
  const exposed: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) };
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  const sandboxProcess = { argv };
  new Function('require', 'module', 'exports', 'process', readFileSync(bundle, 'utf8'))(
    sandboxRequire,
    module,
    module.exports,
    sandboxProcess,
  );
  return { ipcRenderer, bridge: exposed.earmark as Bridge };
}

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first.`);
});

describe('the preload bundle', () => {
  it('exposes window.earmark with one function per contract method, each invoking its own channel', async () => {
    const { ipcRenderer, bridge } = loadPreload();
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'on'].sort());
    await bridge.listFeeds!({});
    await bridge.addNote!({ episodeId: 'e', at: 1, text: 't' });
    expect(ipcRenderer.invoked).toEqual([
      [methodChannel('listFeeds'), {}],
      [methodChannel('addNote'), { episodeId: 'e', at: 1, text: 't' }],
    ]);
  });

  it('listens on the event channel once and fans each event out to every subscriber, without the IPC event', () => {
    const { ipcRenderer, bridge } = loadPreload();
    const seen: string[] = [];
    const stops = [1, 2, 3].map((n) =>
      bridge.on((name, payload) => seen.push(`${n} ${name} ${JSON.stringify(payload)}`)),
    );
    const alsoSeen: unknown[][] = [];
    bridge.on((...args) => alsoSeen.push(args));
    expect(ipcRenderer.listenerCount(eventChannel)).toBe(1);

    ipcRenderer.emit(eventChannel, { sender: 'the IPC event' }, 'libraryChanged', { feedIds: ['f'] });
    expect(seen).toEqual([1, 2, 3].map((n) => `${n} libraryChanged {"feedIds":["f"]}`));
    expect(alsoSeen).toEqual([['libraryChanged', { feedIds: ['f'] }]]);

    stops[1]!();
    seen.length = 0;
    ipcRenderer.emit(eventChannel, {}, 'notice', { id: 'n' });
    expect(seen).toEqual(['1 notice {"id":"n"}', '3 notice {"id":"n"}']);
    expect(ipcRenderer.listenerCount(eventChannel)).toBe(1);
  });

  it('one subscriber that throws does not keep the event from the others', () => {
    const { ipcRenderer, bridge } = loadPreload();
    const seen: string[] = [];
    bridge.on(() => {
      throw new Error('a broken view');
    });
    bridge.on((name) => seen.push(name));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      ipcRenderer.emit(eventChannel, {}, 'queueChanged', { episodeIds: [] });
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['queueChanged']);
    expect(errors).toHaveLength(1);
  });

  it('takes only plain names from argv, and with none exposes no methods and says why', () => {
    const original = console.error;
    const errors: unknown[] = [];
    console.error = (error: unknown) => errors.push(error);
    try {
      expect(
        Object.keys(loadPreload(['electron', '--earmark-methods=listFeeds,x.y,__proto__,getQueue']).bridge),
      ).toEqual(['listFeeds', 'getQueue', 'on']);
      expect(errors).toEqual([]);
      expect(Object.keys(loadPreload(['electron']).bridge)).toEqual(['on']);
      expect(errors).toEqual(['Earmark: the window was opened without the method names.']);
    } finally {
      console.error = original;
    }
  });
});
