/**
 * Whether the computer has a network, as the browser (or Electron's Chromium) knows it, kept fresh
 * by the online/offline events. "Online" can still mean a server is unreachable; "offline" is sure.
 */
import { useSyncExternalStore } from 'react';

function subscribe(changed: () => void): () => void {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine !== false);
}
