/**
 * Settings in a native modal <dialog> (ModalDialog). Every change is saved as it is made, so there is
 * no Save button to forget. The fields wire themselves to the settings (setting-fields.tsx): this
 * file lists the sections in order (Playback and Downloads have files of their own), and the fields
 * of the small ones.
 */
import { useId, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { CloseIcon } from '../../components/icons';
import { ModalDialog } from '../../components/modal-dialog';
import { DownloadSettings } from './download-settings';
import { OpmlButtons } from './opml-buttons';
import { PlaybackSettings } from './playback-settings';
import { useSettingsContext } from './settings-context';
import { SaveErrorContext, SettingChoice, SettingToggle, useSave } from './setting-fields';
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

const themes = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

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

          <PlaybackSettings feeds={feeds} />

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

          <DownloadSettings id={id} feeds={feeds} />

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
