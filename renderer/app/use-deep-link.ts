/**
 * Links to a moment: the page address `/open?episode=<id>&t=<seconds>` at startup (the browser
 * host, and Electron's cold start, which loads that same path), and the `openLink` event (Electron,
 * already running). The address is put back to "/" at once, so a reload does not jump again.
 */
import { useEffect, useRef } from 'react';
import { parseDeepLink, type DeepLink } from '../../shared/deep-link';
import { api } from '../api';

export function useDeepLink(onOpen: (link: DeepLink) => void, onError: (message: string) => void): void {
  const handlers = useRef({ onOpen, onError });
  useEffect(() => {
    handlers.current = { onOpen, onError };
  });

  useEffect(() => {
    const { pathname, search } = window.location;
    if (/^\/open\/?$/.test(pathname)) {
      const parsed = parseDeepLink(`${pathname}${search}`);
      history.replaceState('error' in parsed ? null : { episodeId: parsed.episodeId }, '', '/');
      if ('error' in parsed) handlers.current.onError(`Couldn't open that link: ${parsed.error}`);
      else handlers.current.onOpen(parsed);
    }
    return api.on('openLink', (link) => handlers.current.onOpen(link));
  }, []);
}
