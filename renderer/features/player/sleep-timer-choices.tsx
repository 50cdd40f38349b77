/**
 * The sleep timer's menu: 5–60 minutes, Custom…, end of episode, end of chapter (when the episode has
 * chapters), Off, and Add 5 minutes while a timer of minutes runs. The running choice is checked.
 */
import type { SleepMode, SleepTimerStatus } from '../../../shared/sleep-timer';

const minuteChoices = [5, 15, 30, 45, 60];

function same(a: SleepMode | null, b: SleepMode | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'minutes' && b.kind === 'minutes') return a.minutes === b.minutes;
  return a.kind === b.kind;
}

interface SleepTimerChoicesProps {
  id: string;
  status: SleepTimerStatus;
  hasChapters: boolean;
  onChoose: (mode: SleepMode | null) => void;
  /** Custom…: swaps the menu for the minutes form. */
  onCustom: () => void;
  /** Add 5 minutes. */
  onExtend: () => void;
}

export function SleepTimerChoices({ id, status, hasChapters, onChoose, onCustom, onExtend }: SleepTimerChoicesProps) {
  const choices: { label: string; mode: SleepMode | null; disabled?: boolean }[] = [
    ...minuteChoices.map((minutes) => ({
      label: `${minutes} minutes`,
      mode: { kind: 'minutes', minutes } as SleepMode,
    })),
    { label: 'End of episode', mode: { kind: 'end-of-episode' } },
    { label: 'End of chapter', mode: { kind: 'end-of-chapter' }, disabled: !hasChapters },
    { label: 'Off', mode: null },
  ];

  const radio = (choice: (typeof choices)[number]) => (
    <button
      key={choice.label}
      type="button"
      role="menuitemradio"
      aria-checked={same(choice.mode, status.mode)}
      aria-disabled={choice.disabled || undefined}
      className="menu__item menu__item--radio"
      tabIndex={-1}
      onClick={() => !choice.disabled && onChoose(choice.mode)}
    >
      <span className="menu__label">{choice.label}</span>
    </button>
  );

  return (
    <div className="menu menu--up" role="menu" id={`${id}-menu`} aria-label="Sleep timer">
      <p className="menu__heading" aria-hidden="true">
        Stop playing after…
      </p>
      {choices.slice(0, minuteChoices.length).map(radio)}
      <button type="button" role="menuitem" className="menu__item menu__item--extend" tabIndex={-1} onClick={onCustom}>
        <span className="menu__label">Custom…</span>
      </button>
      {choices.slice(minuteChoices.length).map(radio)}
      {status.mode?.kind === 'minutes' && <div role="separator" className="menu__separator" />}
      {status.mode?.kind === 'minutes' && (
        <button
          type="button"
          role="menuitem"
          className="menu__item menu__item--extend"
          tabIndex={-1}
          onClick={onExtend}
        >
          <span className="menu__label">Add 5 minutes</span>
        </button>
      )}
    </div>
  );
}
