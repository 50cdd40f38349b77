import Store from 'electron-store';
import { compactJson, STORE_FILE_MODE, type StoreFactory, type StoreOptions } from './core/store.js';

/** electron-store-backed stores for the Electron app (conf underneath, as in the browser host). */
export const electronStoreFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) =>
  new Store<T>({
    name: options.name,
    cwd: options.cwd,
    defaults: options.defaults,
    configFileMode: STORE_FILE_MODE,
    serialize: compactJson,
  });
