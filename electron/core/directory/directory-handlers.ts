import { EarmarkError, type Handlers } from '../dispatch.js';
import { DirectoryError, searchDirectory, type DirectorySearchOptions } from './directory-search.js';

/** Finding shows in the podcast directory. */
export function directoryHandlers(options: DirectorySearchOptions) {
  return {
    searchDirectory: async ({ term, limit }) => {
      try {
        return await searchDirectory(term, { ...options, ...(limit !== undefined ? { limit } : {}) });
      } catch (error) {
        if (error instanceof DirectoryError) throw new EarmarkError('failed', error.message);
        throw error;
      }
    },
  } satisfies Partial<Handlers>;
}
