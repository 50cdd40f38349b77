/** Notices from the services (e.g. "your settings file was repaired"): listed once, then pushed. */
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../shared/types';
import { api } from '../api';

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
    api.dismissNotice({ id }).catch((error: unknown) => console.warn('Could not dismiss notice', error));
  }, []);

  return { notices, dismiss };
}
