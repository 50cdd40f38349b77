/**
 * The Settings dialog's Downloads section: how many at once, the shows that download new episodes by
 * themselves, and the storage rules.
 */
import type { Feed } from '../../../shared/types';
import { useSettingsContext } from './settings-context';
import { SettingChoice, SettingRule, useSave } from './setting-fields';

const concurrencyChoices = [1, 2, 3, 4, 5, 6];
const keepChoices = [1, 2, 3, 5, 10, 20, 50];
const dayChoices = [1, 2, 3, 7, 14, 30, 90];
const capGbChoices = [1, 2, 5, 10, 20, 50, 100];
const MB_PER_GB = 1024;

export function DownloadSettings({ id, feeds }: { id: string; feeds: Feed[] }) {
  return (
    <section className="settings-section" aria-labelledby={`${id}-downloads`}>
      <h3 id={`${id}-downloads`} className="settings-section__title">
        Downloads
      </h3>
      <p className="settings-section__note">
        The storage rules below never delete the episode you are playing, and never your notes or listening position.
      </p>
      <SettingChoice
        setting="downloadConcurrency"
        label="Simultaneous downloads"
        choices={concurrencyChoices}
        format={String}
        help="More at once can finish a batch sooner on a fast connection."
      />
      <AutoDownloadShows feeds={feeds} />
      <SettingRule
        setting="keepNewestPerShow"
        label="Keep per show"
        choices={keepChoices}
        format={(count) => `Newest ${count}`}
        help="Older downloads of a show go once it has more; the one playing stays."
      />
      <SettingRule
        setting="deletePlayedAfterDays"
        label="Delete played downloads"
        choices={dayChoices}
        format={(days) => `After ${days} ${days === 1 ? 'day' : 'days'}`}
        help="Counted from when you finished the episode; the one playing stays."
      />
      <SettingRule
        setting="maxStorageMb"
        scale={MB_PER_GB}
        label="Storage limit"
        choices={capGbChoices}
        format={(gb) => `${gb} GB`}
        help="Over the limit, played downloads go first, oldest first; the one playing stays."
      />
    </section>
  );
}

/** Shows whose new episodes download by themselves. */
function AutoDownloadShows({ feeds }: { feeds: Feed[] }) {
  const { settings } = useSettingsContext();
  const save = useSave();
  return (
    <fieldset className="settings-field settings-field--stack">
      <legend>Download new episodes automatically</legend>
      {feeds.length === 0 ? (
        <p className="settings-field__help">Subscribe to a show to choose it here.</p>
      ) : (
        <ul className="settings-checks">
          {feeds.map((feed) => {
            const on = settings.autoDownloadFeedIds.includes(feed.id);
            return (
              <li key={feed.id}>
                <label className="settings-check">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() =>
                      save({
                        autoDownloadFeedIds: on
                          ? settings.autoDownloadFeedIds.filter((feedId) => feedId !== feed.id)
                          : [...settings.autoDownloadFeedIds, feed.id],
                      })
                    }
                  />
                  <span>{feed.title || feed.url}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <p className="settings-field__help">Episodes that appear after a refresh download by themselves.</p>
    </fieldset>
  );
}
