/**
 * The episodes the library list shows, asked of the service a page at a time: how many match the
 * filters, and only the pages the virtual list has in view. 50,000 episodes cost the renderer what
 * 200 do; before, every reload copied the whole library into the page and filtered it here.
 *
 * One snapshot is shown at a time: a filter change or a library change (`changes` moves) asks for
 * the new counts and the pages in view together and swaps them in at once, so the list never
 * flashes empty while typing. Answers that overtake each other are judged by their sequence
 * number: an older one never replaces a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EpisodeState, EpisodeWithState } from '../../../shared/types';
import { api, errorText } from '../../api';
import type { EpisodeFilters } from './episode-filter';

/** Rows per listEpisodes call: a screen is about ten rows, so one page covers several screens. */
export const PAGE_SIZE = 100;

export interface EpisodeQuery extends EpisodeFilters {
  /** One show, or every show. */
  feedId?: string;
}

export interface EpisodeWindow {
  /** True until the first answer. */
  loading: boolean;
  loadError?: string;
  /** Episodes matching the filters. */
  total: number;
  /** Episodes of the show (or the library) without filters, for "12 of 2,500". */
  unfiltered: number;
  /** The episode at a position of the filtered list, once its page has arrived. */
  at: (index: number) => EpisodeWithState | undefined;
  /** An episode among the pages held, by id. */
  find: (id: string) => EpisodeWithState | undefined;
  /** The list has these rows in view (or about to be): fetch the pages they fall in. */
  show: (rows: readonly number[]) => void;
  /** The player saved a state: the row shows it without another round trip. */
  patch: (id: string, state: EpisodeState) => void;
}

interface Snapshot {
  seq: number;
  /** What was asked: the pages of this snapshot are asked with it too. */
  filter: ServiceFilter;
  total: number;
  unfiltered: number;
  pages: ReadonlyMap<number, EpisodeWithState[]>;
}

/** The pages holding these rows (the focused row can be far from the others: each page once). */
const pagesOf = (rows: readonly number[]): number[] => [...new Set(rows.map((row) => Math.floor(row / PAGE_SIZE)))];

type ServiceFilter = Omit<Parameters<typeof api.listEpisodes>[0], 'offset' | 'limit'>;

/** The service's filter for a query; "all" and an empty text are no filter at all. */
function serviceFilter({ feedId, text, state, hidePlayed, sort }: EpisodeQuery): ServiceFilter {
  return {
    ...(feedId !== undefined && { feedId }),
    ...(text.trim() !== '' && { text: text.trim() }),
    ...(state !== 'all' && { state }),
    ...(hidePlayed && { hidePlayed: true }),
    sort,
  };
}

const pageOf = (filter: ServiceFilter, page: number) =>
  api.listEpisodes({ ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE });

/** A snapshot's counts (with filters and without) and these pages of it, asked together. */
async function readSnapshot(filter: ServiceFilter, pages: readonly number[]): Promise<Omit<Snapshot, 'seq'>> {
  const { sort: _sort, ...counted } = filter;
  const [total, unfiltered, rows] = await Promise.all([
    api.countEpisodes(counted),
    filter.text || filter.state || filter.hidePlayed
      ? api.countEpisodes(filter.feedId === undefined ? {} : { feedId: filter.feedId })
      : undefined,
    Promise.all(pages.map((page) => pageOf(filter, page).then((rows) => [page, rows] as const))),
  ]);
  return { filter, total, unfiltered: unfiltered ?? total, pages: new Map(rows) };
}

/** The pages with one episode's new state, and its state before (undefined: not among them). */
function withState(pages: Snapshot['pages'], id: string, state: EpisodeState) {
  let before: EpisodeState | undefined;
  const patched = new Map(
    [...pages].map(([page, rows]) => {
      const index = rows.findIndex((row) => row.id === id);
      if (index < 0) return [page, rows] as const;
      before = rows[index]!.state;
      return [page, rows.map((row) => (row.id === id ? { ...row, state } : row))] as const;
    }),
  );
  return { pages: patched, before };
}

function findIn(pages: Snapshot['pages'] | undefined, id: string): EpisodeWithState | undefined {
  for (const rows of pages?.values() ?? []) {
    const episode = rows.find((row) => row.id === id);
    if (episode) return episode;
  }
  return undefined;
}

/** With the "Downloaded" filter, a finished or removed download changes the list. */
function useDownloadsChangeList(state: EpisodeQuery['state'], again: () => void) {
  useEffect(() => {
    if (state !== 'downloaded') return;
    const offs = [
      api.on('downloadChanged', (download) => download.state === 'completed' && again()),
      api.on('downloadRemoved', again),
    ];
    return () => offs.forEach((off) => off());
  }, [state, again]);
}

/**
 * `changes`: moves whenever the library may have changed (a sync, notes, an unsubscribe); the
 * counts and the pages in view are asked again.
 */
export function useEpisodeWindow(query: EpisodeQuery, changes: number): EpisodeWindow {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [loadError, setLoadError] = useState<string>();
  /** Moves when a patch takes an episode in or out of the filters (marked played with Hide played on). */
  const [ownChanges, setOwnChanges] = useState(0);
  const asked = useRef(0);
  const shown = useRef<Snapshot | undefined>(undefined);
  /** The pages in view, kept for the next reload. */
  const inView = useRef<number[]>([0]);
  /** Pages already asked for the snapshot shown, so scrolling does not ask twice. */
  const pending = useRef(new Set<string>());

  // Compared as text: the caller builds a new query object on every render.
  const queryKey = JSON.stringify(serviceFilter(query));
  const lastKey = useRef(queryKey);
  const { state } = query;

  const accept = (next: Snapshot) => {
    shown.current = next;
    pending.current = new Set();
    setSnapshot(next);
    setLoadError(undefined);
  };

  const listChanged = useCallback(() => setOwnChanges((n) => n + 1), []);
  useDownloadsChangeList(state, listChanged);

  // A new query or a changed library: both counts and the pages in view, swapped in together.
  useEffect(() => {
    // 0: the library has not been asked yet; its first reload moves `changes` and asks once.
    if (changes === 0) return;
    if (lastKey.current !== queryKey) {
      // Other filters, other rows: the list starts again at the top.
      lastKey.current = queryKey;
      inView.current = [0];
    }
    const seq = ++asked.current;
    readSnapshot(JSON.parse(queryKey) as ServiceFilter, inView.current)
      .then((read) => {
        if (seq < (shown.current?.seq ?? 0)) return;
        accept({ seq, ...read });
      })
      .catch((error: unknown) => {
        if (seq === asked.current) setLoadError(errorText(error));
      });
  }, [queryKey, changes, ownChanges]);

  const show = useCallback((rows: readonly number[]) => {
    const pages = pagesOf(rows);
    inView.current = pages;
    const base = shown.current;
    if (!base) return;
    for (const page of pages) {
      const key = `${base.seq}:${page}`;
      if (base.pages.has(page) || pending.current.has(key)) continue;
      pending.current.add(key);
      pageOf(base.filter, page)
        .then((rows) => {
          // A newer snapshot asked again for what it has in view.
          if (shown.current?.seq !== base.seq) return;
          const pages = new Map(shown.current.pages).set(page, rows);
          shown.current = { ...shown.current, pages };
          setSnapshot(shown.current);
        })
        .catch((error: unknown) => {
          pending.current.delete(key);
          setLoadError(errorText(error));
        });
    }
  }, []);

  const at = useCallback(
    (index: number) => snapshot?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [snapshot],
  );

  const find = useCallback((id: string) => findIn(snapshot?.pages, id), [snapshot]);

  const patch = useCallback(
    (id: string, state: EpisodeState) => {
      const base = shown.current;
      if (!base) return;
      const { pages, before } = withState(base.pages, id, state);
      if (!before) return;
      shown.current = { ...base, pages };
      setSnapshot(shown.current);
      // Played, or started: the filters that look at those may no longer (or now) hold this episode.
      const { hidePlayed, state: only } = base.filter;
      const filtersOnIt = hidePlayed || only === 'unplayed' || only === 'in-progress';
      if (filtersOnIt && (before.played !== state.played || before.position > 0 !== state.position > 0)) {
        listChanged();
      }
    },
    [listChanged],
  );

  return {
    loading: snapshot === undefined && loadError === undefined,
    ...(loadError !== undefined && { loadError }),
    total: snapshot?.total ?? 0,
    unfiltered: snapshot?.unfiltered ?? 0,
    at,
    find,
    show,
    patch,
  };
}
