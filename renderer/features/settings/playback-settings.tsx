/**
 * The Settings dialog's first part, Playback: skip lengths, default speed, what happens at an
 * episode's end, the speeds pinned per show, and how far Mark goes back.
 */
import type { Feed } from '../../../shared/types';
import { formatRate, rates as playerRates } from '../player/speed-control';
import { useSettingsContext } from './settings-context';
import { SettingChoice, SettingToggle, useSave } from './setting-fields';

const backChoices = [5, 10, 15, 20, 30, 45, 60];
const forwardChoices = [10, 15, 30, 45, 60, 90, 120];
const markChoices = [0, 5, 10, 15, 20, 30, 45, 60];
const seconds = (value: number) => `${value} seconds`;

export function PlaybackSettings({ feeds }: { feeds: Feed[] }) {
  return (
    <>
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
    </>
  );
}

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
