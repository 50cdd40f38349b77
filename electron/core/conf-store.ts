import Conf from 'conf';
import type { StoreFactory } from './store.js';

/** conf-backed stores for the browser host and tests (electron-store's base class, same API). */
export const confStoreFactory: StoreFactory = (options) =>
  new Conf({ configName: options.name, cwd: options.cwd, defaults: options.defaults });
