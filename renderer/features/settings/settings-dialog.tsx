/**
 * Settings in a native modal <dialog>: focus is trapped and Escape closes it for free. Every
 * change is saved as it is made, so there is no Save button to forget.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Settings, Theme } from '../../../shared/types';
import { errorText } from '../../api';
import { CloseIcon } from '../../components/icons';
import { formatRate } from '../player/speed-control';
import './settings.css';

interface SettingsDialogProps {
  open: boolean;
  settings: Settings;
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
}

/** A labelled select of numbers; a value set elsewhere that is not among the choices still shows. */
function NumberChoice({ label, value, choices, format, onChange }: NumberChoiceProps) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {withCurrent(choices, value).map((choice) => (
          <option key={choice} value={choice}>
            {format(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SettingsDialog({ open, settings, onChange, onClose }: SettingsDialogProps) {
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
