import Conf from 'conf';
import type { StoreFactory, StoreOptions } from './store.js';

/** conf-backed stores for the browser host and tests (electron-store's base class, same API). */
export const confStoreFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) =>
  new Conf<T>({ configName: options.name, cwd: options.cwd, defaults: options.defaults });
