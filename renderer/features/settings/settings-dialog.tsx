/**
 * Settings in a native modal <dialog>: focus is trapped and Escape closes it for free. Every
 * change is saved as it is made, so there is no Save button to forget.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Feed, Settings, Theme } from '../../../shared/types';
import { errorText } from '../../api';
import { CloseIcon } from '../../components/icons';
import { formatRate } from '../player/speed-control';
import './settings.css';

interface SettingsDialogProps {
  open: boolean;
  settings: Settings;
  /** Subscribed shows, for auto-download per show. */
  feeds: Feed[];
  onChange: (patch: MethodInput<'updateSettings'>) => Promise<void>;
  onClose: () => void;
}

const backChoices = [5, 10, 15, 20, 30, 45, 60];
const forwardChoices = [10, 15, 30, 45, 60, 90, 120];
const markChoices = [0, 5, 10, 15, 20, 30, 45, 60];
const rateChoices = [0.75, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
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
    <div className={`settings-field${help ? ' settings-field--with-help' : ''}`}>
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

export function SettingsDialog({ open, settings, feeds, onChange, onClose }: SettingsDialogProps) {
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
          choices={rateChoices}
          format={formatRate}
          onChange={(playbackRate) => change({ playbackRate })}
        />

        <NumberChoice
          label="Mark goes back"
          value={settings.markBackSeconds}
          choices={markChoices}
          format={(seconds) => (seconds === 0 ? 'No, mark the moment itself' : `${seconds} seconds`)}
          onChange={(markBackSeconds) => change({ markBackSeconds })}
        />
        <p className="settings-dialog__help">
          Press <kbd>M</kbd> while listening to mark what you just heard; <kbd>N</kbd> starts a note.
        </p>

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
