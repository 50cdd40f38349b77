/**
 * Settings fields that wire themselves (Insomnia's boolean-setting.tsx is the model): each names the
 * setting it edits, reads it from the settings context and saves a change at once. A failed save is
 * reported through `useSaveError`, which the dialog shows in one place.
 */
import { createContext, useContext, useId } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Settings } from '../../../shared/types';
import { errorText } from '../../api';
import { useSettingsContext } from './settings-context';

type Keys<V> = { [K in keyof Settings]: Settings[K] extends V ? K : never }[keyof Settings];

/** Where a failed save is told (the dialog's status line). */
export const SaveErrorContext = createContext<(message: string | undefined) => void>(() => {});

/** Saves a patch; a failure goes to the dialog's status line. */
export function useSave(): (patch: MethodInput<'updateSettings'>) => void {
  const { update } = useSettingsContext();
  const report = useContext(SaveErrorContext);
  return (patch) => {
    report(undefined);
    update(patch).catch((failure: unknown) => report(`Couldn't save: ${errorText(failure)}`));
  };
}

function Help({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="settings-field__help">
      {text}
    </p>
  ) : null;
}

/** A labelled checkbox for a yes/no setting, with one line of help read with it. */
export function SettingToggle({
  setting,
  label,
  help,
  onTurnedOn,
}: {
  setting: Keys<boolean>;
  label: string;
  help?: string;
  /** Also done when the listener turns it on (ask the browser's permission, say). */
  onTurnedOn?: () => void;
}) {
  const id = useId();
  const { settings } = useSettingsContext();
  const save = useSave();
  return (
    <div className="settings-toggle">
      <input
        id={id}
        type="checkbox"
        checked={settings[setting]}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          save({ [setting]: on });
          if (on) onTurnedOn?.();
        }}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <Help id={`${id}-help`} text={help} />
      </div>
    </div>
  );
}

const withCurrent = (choices: readonly number[], current: number) =>
  choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);

interface NumberSelectProps {
  label: string;
  value: number;
  choices: readonly number[];
  format: (value: number) => string;
  onChange: (value: number) => void;
  help?: string;
}

/** A labelled select of numbers; a value set elsewhere that is not among the choices still shows. */
function NumberSelect({ label, value, choices, format, onChange, help }: NumberSelectProps) {
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
      <Help id={`${id}-help`} text={help} />
    </div>
  );
}

type ChoiceProps = Omit<NumberSelectProps, 'value' | 'onChange'>;

/** One of a few numbers for a numeric setting (skip lengths, refresh interval…). */
export function SettingChoice({ setting, ...rest }: ChoiceProps & { setting: Keys<number> }) {
  const { settings } = useSettingsContext();
  const save = useSave();
  return <NumberSelect {...rest} value={settings[setting]} onChange={(value) => save({ [setting]: value })} />;
}

/**
 * A storage rule: "Off" (null) or one of the numbers; 0 stands for Off inside the select. `scale`
 * turns the shown number into the stored one (GB shown, MB stored).
 */
export function SettingRule({
  setting,
  scale = 1,
  ...rest
}: ChoiceProps & { setting: Keys<number | null>; scale?: number }) {
  const { settings } = useSettingsContext();
  const save = useSave();
  const stored = settings[setting];
  return (
    <NumberSelect
      {...rest}
      value={stored === null ? 0 : Math.round(stored / scale)}
      choices={[0, ...rest.choices]}
      format={(choice) => (choice === 0 ? 'Off' : rest.format(choice))}
      onChange={(choice) => save({ [setting]: choice === 0 ? null : choice * scale })}
    />
  );
}
