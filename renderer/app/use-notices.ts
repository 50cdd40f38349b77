/** Notices from the services (e.g. "your settings file was repaired"): listed once, then pushed. */
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../shared/types';
import { api } from '../api';

const LOCAL = 'local:';
let localCount = 0;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let live = true;
    const off = api.on('notice', (notice) =>
      setNotices((list) => (list.some((item) => item.id === notice.id) ? list : [...list, notice])),
    );
    api
      .listNotices({})
      .then((list) => {
        if (!live) return;
        // Merge: an event may have arrived before the list did.
        setNotices((current) => [...list, ...current.filter((item) => !list.some((known) => known.id === item.id))]);
      })
      .catch((error: unknown) => console.warn('Could not load notices', error));
    return () => {
      live = false;
      off();
    };
  }, []);

  const dismiss = useCallback((id: string) => {
    setNotices((list) => list.filter((notice) => notice.id !== id));
    // Notices raised here in the window (e.g. a bad link) are not the service's to forget.
    if (id.startsWith(LOCAL)) return;
    api.dismissNotice({ id }).catch((error: unknown) => console.warn('Could not dismiss notice', error));
  }, []);

  /** Shows a notice from the window itself, e.g. a link that could not be opened. */
  const add = useCallback((level: Notice['level'], text: string) => {
    localCount += 1;
    const notice = { id: `${LOCAL}${localCount}`, level, text, at: new Date().toISOString() };
    // The same words again (Try again failing the same way) stay one notice.
    setNotices((list) => (list.some((shown) => shown.text === text) ? list : [...list, notice]));
  }, []);

  return { notices, dismiss, add };
}
