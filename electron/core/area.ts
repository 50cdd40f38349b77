import type { EventBus } from './events.js';
import type { Notices } from './notices.js';
import type { KeyValueStore, StoreFactory, StoreSpec, Versioned } from './store.js';

/**
 * What every area of the app (library, feeds, downloads, chapters, notes: `<area>/<area>-area.ts`) is
 * built from; createApp makes one per data folder. Each area returns its share of the contract as
 * `handlers` (checked with `satisfies Partial<Handlers>`) and, where it has background work, `start`
 * and `stop`; createApp merges the handlers and checks the whole contract (`satisfies Handlers`).
 */
export interface AppContext {
  dataDir: string;
  storeFactory: StoreFactory;
  now: () => Date;
  log: (error: unknown) => void;
  events: EventBus;
  notices: Notices;
  /** Opens a store in the data folder; what had to be repaired becomes a notice. */
  open: <T extends Versioned>(store: StoreSpec<T>) => KeyValueStore<T>;
  /** The HTTP client for feeds, chapters files, transcripts, artwork and the directory; its requests end at close. */
  fetch: typeof fetch;
  /** The client as given (downloads pause themselves at close, to resume); undefined = their default. */
  plainFetch: typeof fetch | undefined;
}
