/**
 * Settings in a native modal <dialog> (ModalDialog). Every change is saved as it is made, so there is
 * no Save button to forget. The fields wire themselves to the settings (setting-fields.tsx): this
 * file is the list of them, in order.
 */
import { useId, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { CloseIcon } from '../../components/icons';
import { ModalDialog } from '../../components/modal-dialog';
import { formatRate, rates as playerRates } from '../player/speed-control';
import { OpmlButtons } from './opml-buttons';
import { useSettingsContext } from './settings-context';
import { SaveErrorContext, SettingChoice, SettingRule, SettingToggle, useSave } from './setting-fields';
import './settings.css';

interface SettingsDialogProps {
  open: boolean;
  /** Subscribed shows, for auto-download and speed per show. */
  feeds: Feed[];
  onClose: () => void;
  /** Shows were imported: the library should reload. */
  onLibraryChanged: () => void;
}

const refreshChoices = [0, 15, 30, 60, 120, 360, 720, 1440];
function formatInterval(minutes: number): string {
  if (minutes === 0) return 'Only when I refresh';
  if (minutes < 60) return `Every ${minutes} minutes`;
  if (minutes === 60) return 'Every hour';
  if (minutes === 1440) return 'Once a day';
  return `Every ${minutes / 60} hours`;
}

const backChoices = [5, 10, 15, 20, 30, 45, 60];
const forwardChoices = [10, 15, 30, 45, 60, 90, 120];
const markChoices = [0, 5, 10, 15, 20, 30, 45, 60];
const concurrencyChoices = [1, 2, 3, 4, 5, 6];
const keepChoices = [1, 2, 3, 5, 10, 20, 50];
const dayChoices = [1, 2, 3, 7, 14, 30, 90];
const capGbChoices = [1, 2, 5, 10, 20, 50, 100];
const MB_PER_GB = 1024;
const seconds = (value: number) => `${value} seconds`;
const themes = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

/** Shows whose speed is pinned, each with a way back to the default speed. */
function SpeedPerShow({ feeds }: { feeds: Feed[] }) {
  const { settings } = useSettingsContext();
  const save = useSave();
  const pinned = Object.entries(settings.speedByFeed);
  if (pinned.length === 0) return null;
  return (
    <div className="settings-field settings-field--stack">
      <span className="settings-field__label">Speed per show</span>
      <ul className="settings-checks">
        {pinned.map(([feedId, rate]) => {
          const feed = feeds.find((item) => item.id === feedId);
          const { [feedId]: _gone, ...rest } = settings.speedByFeed;
          return (
            <li key={feedId} className="settings-speed">
              <span>
                {feed?.title ?? 'A show you left'} · {formatRate(rate)}
              </span>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Use the default speed for ${feed?.title ?? 'this show'}`}
                onClick={() => save({ speedByFeed: rest })}
              >
                Use default
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ThemeChoice() {
  const id = useId();
  const { settings } = useSettingsContext();
  const save = useSave();
  return (
    <fieldset className="settings-field settings-field--theme">
      <legend>Theme</legend>
      <div className="segmented">
        {themes.map((theme) => (
          <label key={theme.value} className="segmented__option">
            <input
              type="radio"
              name={`${id}-theme`}
              value={theme.value}
              checked={settings.theme === theme.value}
              onChange={() => save({ theme: theme.value })}
            />
            <span>{theme.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
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

/** The browser host shows Web Notifications; they need the browser's permission. */
function askNotificationPermission() {
  if (!window.earmark && typeof Notification !== 'undefined') void Notification.requestPermission();
}

export function SettingsDialog({ open, feeds, onClose, onLibraryChanged }: SettingsDialogProps) {
  const [error, setError] = useState<string>();
  const id = useId();

  return (
    <ModalDialog open={open} onClose={onClose} className="settings-dialog" labelledBy={`${id}-title`}>
      <SaveErrorContext value={setError}>
        <div className="settings-dialog__body">
          <div className="settings-dialog__header">
            <h2 id={`${id}-title`}>Settings</h2>
            <button type="button" className="icon-button" aria-label="Close settings" onClick={onClose}>
              <CloseIcon />
            </button>
          </div>

          <h3 className="settings-section__title settings-section__title--first">Playback</h3>
          <SettingChoice setting="skipBackSeconds" label="Skip back" choices={backChoices} format={seconds} />
          <SettingChoice setting="skipForwardSeconds" label="Skip forward" choices={forwardChoices} format={seconds} />
          <SettingChoice setting="playbackRate" label="Default speed" choices={playerRates} format={formatRate} />
          <SettingToggle
            setting="markPlayedAtEnd"
            label="Mark episodes played at the end"
            help="When playback reaches the end (or its last 15 seconds)."
          />
          <SettingToggle
            setting="autoPlayNext"
            label="Play the next episode in Up next"
            help="When an episode ends, the first one in Up next starts by itself."
          />
          <SpeedPerShow feeds={feeds} />
          <SettingChoice
            setting="markBackSeconds"
            label="Mark goes back"
            choices={markChoices}
            format={(value) => (value === 0 ? 'No, the moment itself' : seconds(value))}
          />
          <p className="settings-dialog__help">
            Press <kbd>M</kbd> while listening to mark what you just heard; <kbd>N</kbd> starts a note.
          </p>

          <section className="settings-section" aria-labelledby={`${id}-shows`}>
            <h3 id={`${id}-shows`} className="settings-section__title">
              Shows
            </h3>
            <SettingChoice
              setting="refreshIntervalMinutes"
              label="Refresh in the background"
              choices={refreshChoices}
              format={formatInterval}
              help="Earmark checks every show for new episodes while it is open."
            />
            <SettingToggle
              setting="notifyNewEpisodes"
              label="Notify me about new episodes"
              help="A notification when a background refresh finds new episodes."
              onTurnedOn={askNotificationPermission}
            />
            <SettingToggle
              setting="hidePlayed"
              label="Hide played episodes"
              help="Played episodes leave the episode list (the library's Hide played does the same)."
            />
            <OpmlButtons onImported={onLibraryChanged} />
          </section>

          <section className="settings-section" aria-labelledby={`${id}-appearance`}>
            <h3 id={`${id}-appearance`} className="settings-section__title">
              Appearance
            </h3>
            <ThemeChoice />
          </section>

          <section className="settings-section" aria-labelledby={`${id}-downloads`}>
            <h3 id={`${id}-downloads`} className="settings-section__title">
              Downloads
            </h3>
            <p className="settings-section__note">
              The storage rules below never delete the episode you are playing, and never your notes or listening
              position.
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

          <p className="settings-dialog__error" role="status">
            {error}
          </p>

          <div className="settings-dialog__footer">
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      </SaveErrorContext>
    </ModalDialog>
  );
}
