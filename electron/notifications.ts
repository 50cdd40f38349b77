import { Notification } from 'electron';
import type { DeepLink } from '../shared/deep-link.js';
import type { EarmarkApp } from './core/app.js';

/**
 * OS notifications for new episodes, when the setting is on. Clicking one shows the newest new
 * episode, the way an earmark:// link would.
 */
export function notifyNewEpisodes(earmark: EarmarkApp, open: (link: DeepLink) => void): void {
  earmark.events.subscribe((event, payload) => {
    if (event !== 'newEpisodes' || !Notification.isSupported()) return;
    void (async () => {
      if (!(await earmark.handlers.getSettings({})).notifyNewEpisodes) return;
      const { feedTitle, episodes } = payload as { feedTitle: string; episodes: { id: string; title: string }[] };
      const [newest] = episodes;
      if (!newest) return;
      const notification = new Notification({
        title: episodes.length === 1 ? `New on ${feedTitle}` : `${episodes.length} new episodes of ${feedTitle}`,
        body: newest.title,
        silent: true,
      });
      notification.on('click', () => open({ episodeId: newest.id, t: 0 }));
      notification.show();
    })();
  });
}

/**
 * Said once, the first time closing the window leaves an episode playing (Windows, Linux): the app
 * did not quit, and this is how to get it back. Some Linux desktops show no tray icon at all.
 */
export function notifyStillPlaying(show: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({
    title: 'Earmark is still playing',
    body: 'Open Earmark again (or use its tray icon) to see the player, pause or quit.',
    silent: true,
  });
  notification.on('click', show);
  notification.show();
}
