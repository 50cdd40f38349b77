/**
 * Searching the podcast directory as the listener types: a search starts 300 ms after the last key
 * (or at once on Enter), and only the newest one's answer counts, so a slow answer to "back" never
 * replaces the one to "backend". The service does the HTTP (the renderer's CSP allows only its own
 * origin); every search ends in shows, "no match" or a sentence, never a spinner forever.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DirectoryShow } from '../../../shared/types';
import { api, errorText } from '../../api';

export const SEARCH_DELAY_MS = 300;

export type DirectoryState =
  | { kind: 'idle' }
  | { kind: 'searching'; term: string }
  | { kind: 'found'; term: string; shows: DirectoryShow[] }
  | { kind: 'failed'; term: string; error: string };

export interface DirectorySearchHook {
  state: DirectoryState;
  /** The words changed: search them after a pause (empty words clear the results). */
  setTerm: (term: string) => void;
  /** Search the words now (Enter). */
  searchNow: (term: string) => void;
  /** A show from the results is in the library now (just subscribed). */
  markInLibrary: (feedUrl: string) => void;
}

export function useDirectory(): DirectorySearchHook {
  const [state, setState] = useState<DirectoryState>({ kind: 'idle' });
  /** Numbers each search; an answer is used only if no newer search (or clearing) came after it. */
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The words last searched (or waiting to be), so Enter doesn't ask again for the same. */
  const lastTerm = useRef('');

  const run = useCallback((term: string) => {
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    lastTerm.current = term;
    setState({ kind: 'searching', term });
    api.searchDirectory({ term }).then(
      ({ shows }) => {
        if (ticket === latest.current) setState({ kind: 'found', term, shows });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState({ kind: 'failed', term, error: errorText(error) });
      },
    );
  }, []);

  const setTerm = useCallback(
    (raw: string) => {
      const term = raw.trim();
      clearTimeout(timer.current);
      if (term === lastTerm.current) return;
      if (term === '') {
        // Clearing the box forgets the search, and any answer still on its way.
        latest.current++;
        lastTerm.current = '';
        setState({ kind: 'idle' });
        return;
      }
      timer.current = setTimeout(() => run(term), SEARCH_DELAY_MS);
    },
    [run],
  );

  const searchNow = useCallback(
    (raw: string) => {
      const term = raw.trim();
      if (term !== '') run(term);
    },
    [run],
  );

  const markInLibrary = useCallback((feedUrl: string) => {
    setState((current) =>
      current.kind === 'found'
        ? {
            ...current,
            shows: current.shows.map((show) => (show.feedUrl === feedUrl ? { ...show, inLibrary: true } : show)),
          }
        : current,
    );
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { state, setTerm, searchNow, markInLibrary };
}
