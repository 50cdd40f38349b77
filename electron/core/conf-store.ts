import Conf from 'conf';
import { compactJson, STORE_FILE_MODE, type StoreFactory, type StoreOptions } from './store.js';

/** conf-backed stores for the browser host and tests (electron-store's base class, same API). */
export const confStoreFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) =>
  new Conf<T>({
    configName: options.name,
    cwd: options.cwd,
    defaults: options.defaults,
    configFileMode: STORE_FILE_MODE,
    serialize: compactJson,
  });
