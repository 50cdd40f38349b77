/** The sleep timer's "Custom…" form (a menu may hold only menu items): a minutes box and Start. */
import type { RefObject } from 'react';
import { customSleepMinutes } from '../../../shared/sleep-timer';

interface SleepCustomFormProps {
  id: string;
  /** The minutes box, focused and selected when the form opens. */
  inputRef: RefObject<HTMLInputElement | null>;
  draft: string;
  onDraftChange: (draft: string) => void;
  /** The last Start found no whole minutes from 1 to 600. */
  invalid: boolean;
  onStart: () => void;
}

export function SleepCustomForm({ id, inputRef, draft, onDraftChange, invalid, onStart }: SleepCustomFormProps) {
  return (
    <form
      className="menu menu--up sleep-custom"
      id={`${id}-custom`}
      aria-label="Custom sleep timer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <p className="menu__heading" aria-hidden="true">
        Stop playing after…
      </p>
      <label className="menu__label" htmlFor={`${id}-minutes`}>
        Minutes
      </label>
      <input
        ref={inputRef}
        id={`${id}-minutes`}
        className="text-input"
        type="number"
        inputMode="numeric"
        min={customSleepMinutes.min}
        max={customSleepMinutes.max}
        step={1}
        required
        value={draft}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-minutes-hint`}
        onChange={(event) => onDraftChange(event.currentTarget.value)}
      />
      <p id={`${id}-minutes-hint`} className="menu__detail" role={invalid ? 'alert' : undefined}>
        {invalid ? 'Enter whole minutes from 1 to 600' : 'From 1 to 600'}
      </p>
      <button type="submit" className="button button--primary">
        Start
      </button>
    </form>
  );
}
