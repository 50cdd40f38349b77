/**
 * Which screen shows (library, an episode, Downloads, Up next), kept in the browser's history so
 * Back and Forward work in the browser host and the mouse's back button works in the desktop app.
 * Leaving the library remembers where its list was scrolled; coming back puts it there again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type View = { name: 'library' } | { name: 'episode'; id: string } | { name: 'downloads' } | { name: 'queue' };

function viewFromHistory(state: unknown): View {
  const saved = state as { episodeId?: unknown; view?: unknown } | null;
  if (typeof saved?.episodeId === 'string') return { name: 'episode', id: saved.episodeId };
  if (saved?.view === 'downloads') return { name: 'downloads' };
  return saved?.view === 'queue' ? { name: 'queue' } : { name: 'library' };
}

const historyStateOf = (view: View): unknown =>
  view.name === 'episode' ? { episodeId: view.id } : view.name === 'library' ? null : { view: view.name };

const sameView = (a: View, b: View) =>
  a.name === b.name && (a.name !== 'episode' || b.name !== 'episode' || a.id === b.id);

export function useView() {
  const [view, setView] = useState<View>(() => viewFromHistory(history.state));
  const libraryScroll = useRef(0);

  useEffect(() => {
    const onPop = (event: PopStateEvent) => setView(viewFromHistory(event.state));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Coming back to the library puts the list where the listener left it.
  useEffect(() => {
    if (view.name === 'library') window.scrollTo(0, libraryScroll.current);
  }, [view.name]);

  /** Opens a screen as a new history entry (none when it is already showing), at its top. */
  const go = useCallback(
    (next: View) => {
      if (view.name === 'library') libraryScroll.current = window.scrollY;
      // An entry opened from the library says so: Back from it is the way to the library.
      const state = historyStateOf(next);
      if (!sameView(view, next))
        history.pushState(view.name === 'library' && state ? { ...state, fromLibrary: true } : state, '');
      setView(next);
      window.scrollTo(0, 0);
    },
    [view],
  );

  /** Shows a screen in place of this history entry's (a link that opened the app). */
  const show = useCallback((next: View) => setView(next), []);

  /**
   * The brand button and "Back to library": back through history when that leads to the library (the
   * entry was opened from it), else the library as a new entry (Downloads opened from Up next).
   */
  const backToLibrary = useCallback(() => {
    if (viewFromHistory(history.state).name === 'library') setView({ name: 'library' });
    else if ((history.state as { fromLibrary?: unknown } | null)?.fromLibrary === true) history.back();
    else {
      history.pushState(null, '');
      setView({ name: 'library' });
    }
  }, []);

  /** "Back to library" from the Downloads view, which may have been opened from an episode. */
  const showLibrary = useCallback(() => {
    history.pushState(null, '');
    setView({ name: 'library' });
  }, []);

  return { view, go, show, backToLibrary, showLibrary };
}
