/**
 * Browser host: a Web Notification when a background sync finds new episodes and the
 * notifyNewEpisodes setting is on (permission is asked when the listener turns it on). In Electron
 * the main process shows OS notifications itself, so the renderer stays quiet there.
 */
import { useEffect, useRef } from 'react';
import { api } from '../api';

export function useNewEpisodeNotifications(enabled: boolean, openEpisode: (id: string) => void): void {
  const latest = useRef({ enabled, openEpisode });
  useEffect(() => {
    latest.current = { enabled, openEpisode };
  });

  useEffect(
    () =>
      api.on('newEpisodes', ({ feedTitle, episodes }) => {
        if (window.earmark || !latest.current.enabled || episodes.length === 0) return;
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        const first = episodes[0]!;
        const body =
          episodes.length === 1 ? first.title : `${first.title} and ${episodes.length - 1} more new episodes`;
        const notification = new Notification(feedTitle || 'New episodes', { body, tag: `earmark-${first.id}` });
        notification.onclick = () => {
          window.focus();
          latest.current.openEpisode(first.id);
          notification.close();
        };
      }),
    [],
  );
}
