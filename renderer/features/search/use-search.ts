/**
 * Search as you type: debounced, and an answer to an older query never replaces a newer one. Asks again
 * when the services say a search would now answer more (searchChanged: transcripts it had no time to
 * read are in memory).
 */
import { useEffect, useState } from 'react';
import type { SearchGroup } from '../../../shared/types';
import { api, errorText } from '../../api';

const DEBOUNCE_MS = 150;

interface Answer {
  query: string;
  groups: SearchGroup[];
  error?: string;
}

export interface SearchState {
  groups: SearchGroup[];
  /** The answer for the query as typed now has not arrived yet. */
  busy: boolean;
  error?: string;
}

export function useSearch(query: string): SearchState {
  const [answer, setAnswer] = useState<Answer>();
  const [asked, setAsked] = useState(0);
  const trimmed = query.trim();

  useEffect(() => api.on('searchChanged', () => setAsked((count) => count + 1)), []);

  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .search({ query: trimmed, limit: 50 })
        .then((groups) => live && setAnswer({ query: trimmed, groups }))
        .catch((failure: unknown) => live && setAnswer({ query: trimmed, groups: [], error: errorText(failure) }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [trimmed, asked]);

  // While the answer for the new query is on its way the previous results stay (no flicker).
  if (!trimmed) return { groups: [], busy: false };
  if (answer?.query !== trimmed) return { groups: answer?.groups ?? [], busy: true };
  return { groups: answer.groups, busy: false, error: answer.error };
}
