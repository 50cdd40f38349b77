/**
 * Settings in a native modal <dialog>: focus is trapped and Escape closes it for free. Every
 * change is saved as it is made, so there is no Save button to forget.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Feed, Settings, Theme } from '../../../shared/types';
import { api, errorText } from '../../api';
import { CloseIcon, ExportIcon, ImportIcon } from '../../components/icons';
import { useToast } from '../../components/toast-context';
import { saveTextFile } from '../../lib/save-file';
import { formatRate, rates as playerRates } from '../player/speed-control';
import './settings.css';

interface SettingsDialogProps {
  open: boolean;
  settings: Settings;
  /** Subscribed shows, for auto-download per show. */
  feeds: Feed[];
  onChange: (patch: MethodInput<'updateSettings'>) => Promise<void>;
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

/** A labelled checkbox that saves at once, with one line of help read with it. */
function Toggle({
  label,
  checked,
  onChange,
  help,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="settings-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {help && (
          <p id={`${id}-help`} className="settings-field__help">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}

/** Import OPML (a file input behind a button) and Export OPML (a Blob download). */
function OpmlButtons({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const [status, setStatus] = useState('');

  const importFile = async (file: File) => {
    setStatus(`Importing ${file.name}…`);
    try {
      const result = await api.importOpml({ content: await file.text() });
      const parts = [
        `${result.added} ${result.added === 1 ? 'show' : 'shows'} added`,
        result.skipped > 0 ? `${result.skipped} already subscribed` : '',
        result.failed.length > 0 ? `${result.failed.length} could not be read` : '',
      ].filter(Boolean);
      setStatus(`Imported: ${parts.join(', ')}.${result.added > 0 ? ' They refresh in the background.' : ''}`);
      onImported();
    } catch (failure) {
      setStatus(`Couldn't import ${file.name}: ${errorText(failure)}`);
    }
  };

  const exportFile = async () => {
    try {
      const file = await api.exportOpml({});
      saveTextFile(file.fileName, file.mimeType, file.content);
      setStatus(`Saved ${file.fileName}`);
    } catch (failure) {
      toast({ text: `Couldn't export: ${errorText(failure)}` });
    }
  };

  return (
    <div className="settings-field settings-field--stack">
      <span className="settings-field__label">Subscriptions (OPML)</span>
      <div className="settings-buttons">
        <button type="button" className="button button--small" onClick={() => input.current?.click()}>
          <ImportIcon />
          Import OPML
        </button>
        <button type="button" className="button button--small" onClick={() => void exportFile()}>
          <ExportIcon />
          Export OPML
        </button>
        <input
          ref={input}
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="settings-field__help" role="status">
        {status || 'Move your shows between Earmark and other podcast apps.'}
      </p>
    </div>
  );
}

const backChoices = [5, 10, 15, 20, 30, 45, 60];
const forwardChoices = [10, 15, 30, 45, 60, 90, 120];
const markChoices = [0, 5, 10, 15, 20, 30, 45, 60];
const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const withCurrent = (choices: number[], current: number) =>
  choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);

interface NumberChoiceProps {
  label: string;
  value: number;
  choices: number[];
  format: (value: number) => string;
  onChange: (value: number) => void;
  /** One line under the field, read with it (aria-describedby). */
  help?: string;
}

/** A labelled select of numbers; a value set elsewhere that is not among the choices still shows. */
function NumberChoice({ label, value, choices, format, onChange, help }: NumberChoiceProps) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {withCurrent(choices, value).map((choice) => (
          <option key={choice} value={choice}>
            {format(choice)}
          </option>
        ))}
      </select>
      {help && (
        <p id={`${id}-help`} className="settings-field__help">
          {help}
        </p>
      )}
    </div>
  );
}

/** A storage rule: "Off" (null) or one of the numbers. 0 stands for Off inside the select. */
function RuleChoice({
  value,
  onChange,
  ...rest
}: Omit<NumberChoiceProps, 'value' | 'onChange'> & { value: number | null; onChange: (value: number | null) => void }) {
  return (
    <NumberChoice
      {...rest}
      value={value ?? 0}
      choices={[0, ...rest.choices]}
      format={(choice) => (choice === 0 ? 'Off' : rest.format(choice))}
      onChange={(choice) => onChange(choice === 0 ? null : choice)}
    />
  );
}

const concurrencyChoices = [1, 2, 3, 4, 5, 6];
const keepChoices = [1, 2, 3, 5, 10, 20, 50];
const dayChoices = [1, 2, 3, 7, 14, 30, 90];
const capGbChoices = [1, 2, 5, 10, 20, 50, 100];
const MB_PER_GB = 1024;

export function SettingsDialog({ open, settings, feeds, onChange, onClose, onLibraryChanged }: SettingsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const id = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const change = (patch: MethodInput<'updateSettings'>) => {
    setError(undefined);
    onChange(patch).catch((failure: unknown) => setError(`Couldn't save: ${errorText(failure)}`));
  };

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="settings-dialog__body">
        <div className="settings-dialog__header">
          <h2 id={`${id}-title`}>Settings</h2>
          <button type="button" className="icon-button" aria-label="Close settings" onClick={onClose}>
            <CloseIcon />
          </button>
        </div>

        <h3 className="settings-section__title settings-section__title--first">Playback</h3>
        <NumberChoice
          label="Skip back"
          value={settings.skipBackSeconds}
          choices={backChoices}
          format={(seconds) => `${seconds} seconds`}
          onChange={(skipBackSeconds) => change({ skipBackSeconds })}
        />
        <NumberChoice
          label="Skip forward"
          value={settings.skipForwardSeconds}
          choices={forwardChoices}
          format={(seconds) => `${seconds} seconds`}
          onChange={(skipForwardSeconds) => change({ skipForwardSeconds })}
        />
        <NumberChoice
          label="Default speed"
          value={settings.playbackRate}
          choices={playerRates}
          format={formatRate}
          onChange={(playbackRate) => change({ playbackRate })}
        />

        <Toggle
          label="Mark episodes played at the end"
          checked={settings.markPlayedAtEnd}
          onChange={(markPlayedAtEnd) => change({ markPlayedAtEnd })}
          help="When playback reaches the end (or its last 15 seconds)."
        />
        <Toggle
          label="Play the next episode in Up next"
          checked={settings.autoPlayNext}
          onChange={(autoPlayNext) => change({ autoPlayNext })}
          help="When an episode ends, the first one in Up next starts by itself."
        />
        {Object.keys(settings.speedByFeed).length > 0 && (
          <div className="settings-field settings-field--stack">
            <span className="settings-field__label">Speed per show</span>
            <ul className="settings-checks">
              {Object.entries(settings.speedByFeed).map(([feedId, rate]) => {
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
                      onClick={() => change({ speedByFeed: rest })}
                    >
                      Use default
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}

        <NumberChoice
          label="Mark goes back"
          value={settings.markBackSeconds}
          choices={markChoices}
          format={(seconds) => (seconds === 0 ? 'No, the moment itself' : `${seconds} seconds`)}
          onChange={(markBackSeconds) => change({ markBackSeconds })}
        />
        <p className="settings-dialog__help">
          Press <kbd>M</kbd> while listening to mark what you just heard; <kbd>N</kbd> starts a note.
        </p>

        <section className="settings-section" aria-labelledby={`${id}-shows`}>
          <h3 id={`${id}-shows`} className="settings-section__title">
            Shows
          </h3>
          <NumberChoice
            label="Refresh in the background"
            value={settings.refreshIntervalMinutes}
            choices={refreshChoices}
            format={formatInterval}
            onChange={(refreshIntervalMinutes) => change({ refreshIntervalMinutes })}
            help="Earmark checks every show for new episodes while it is open."
          />
          <Toggle
            label="Notify me about new episodes"
            checked={settings.notifyNewEpisodes}
            onChange={(notifyNewEpisodes) => {
              change({ notifyNewEpisodes });
              // The browser host shows Web Notifications; they need the browser's permission.
              if (notifyNewEpisodes && !window.earmark && typeof Notification !== 'undefined') {
                void Notification.requestPermission();
              }
            }}
            help="A notification when a background refresh finds new episodes."
          />
          <Toggle
            label="Hide played episodes"
            checked={settings.hidePlayed}
            onChange={(hidePlayed) => change({ hidePlayed })}
            help="Played episodes leave the episode list (the library's Hide played does the same)."
          />
          <OpmlButtons onImported={onLibraryChanged} />
        </section>

        <section className="settings-section" aria-labelledby={`${id}-appearance`}>
          <h3 id={`${id}-appearance`} className="settings-section__title">
            Appearance
          </h3>
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
                    onChange={() => change({ theme: theme.value })}
                  />
                  <span>{theme.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </section>

        <section className="settings-section" aria-labelledby={`${id}-downloads`}>
          <h3 id={`${id}-downloads`} className="settings-section__title">
            Downloads
          </h3>
          <p className="settings-section__note">
            The storage rules below never delete the episode you are playing, and never your notes or listening
            position.
          </p>
          <NumberChoice
            label="Simultaneous downloads"
            value={settings.downloadConcurrency}
            choices={concurrencyChoices}
            format={(count) => String(count)}
            onChange={(downloadConcurrency) => change({ downloadConcurrency })}
            help="More at once can finish a batch sooner on a fast connection."
          />
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
                            change({
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
          <RuleChoice
            label="Keep per show"
            value={settings.keepNewestPerShow}
            choices={keepChoices}
            format={(count) => `Newest ${count}`}
            onChange={(keepNewestPerShow) => change({ keepNewestPerShow })}
            help="Older downloads of a show go once it has more; the one playing stays."
          />
          <RuleChoice
            label="Delete played downloads"
            value={settings.deletePlayedAfterDays}
            choices={dayChoices}
            format={(days) => `After ${days} ${days === 1 ? 'day' : 'days'}`}
            onChange={(deletePlayedAfterDays) => change({ deletePlayedAfterDays })}
            help="Counted from when you finished the episode; the one playing stays."
          />
          <RuleChoice
            label="Storage limit"
            value={settings.maxStorageMb === null ? null : Math.round(settings.maxStorageMb / MB_PER_GB)}
            choices={capGbChoices}
            format={(gb) => `${gb} GB`}
            onChange={(gb) => change({ maxStorageMb: gb === null ? null : gb * MB_PER_GB })}
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
    </dialog>
  );
}
