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
