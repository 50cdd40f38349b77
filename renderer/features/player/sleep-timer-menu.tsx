/**
 * "Sleep timer": a menu of 5–60 minutes, a custom length, end of episode, end of chapter, or off.
 * "Custom…" swaps the menu for a small form (a menu may hold only menu items): a minutes box and
 * Start. While a timer runs the button shows the time left (the button's name stays "Sleep timer";
 * the time is its description).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useCloseOutside } from '../../components/use-close-outside';
import { customSleepMinutes, parseSleepMinutes, type SleepMode } from '../../../shared/sleep-timer';
import { MoonIcon } from '../../components/icons';
import { describeSleep, formatRemaining, type SleepTimerControl } from './use-sleep-timer';

const minuteChoices = [5, 15, 30, 45, 60];

function same(a: SleepMode | null, b: SleepMode | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'minutes' && b.kind === 'minutes') return a.minutes === b.minutes;
  return a.kind === b.kind;
}

export function SleepTimerMenu({ sleep, hasChapters }: { sleep: SleepTimerControl; hasChapters: boolean }) {
  const [open, setOpen] = useState<'closed' | 'menu' | 'custom'>('closed');
  // The custom length typed last stays for the next time.
  const [draft, setDraft] = useState('20');
  const [invalid, setInvalid] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const { status } = sleep;
  const active = status.mode !== null;

  const closeMenu = useCallback(() => setOpen('closed'), []);
  useCloseOutside(rootRef, open !== 'closed', closeMenu);
  useEffect(() => {
    if (open === 'custom') {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    if (open !== 'menu') return;
    const items = rootRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]');
    const checked = rootRef.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? items?.[0])?.focus();
  }, [open]);

  const close = () => {
    setOpen('closed');
    rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  };

  const choose = (mode: SleepMode | null) => {
    if (mode) sleep.start(mode);
    else sleep.cancel();
    close();
  };

  const startCustom = () => {
    const minutes = parseSleepMinutes(draft);
    setInvalid(minutes === undefined);
    if (minutes !== undefined) choose({ kind: 'minutes', minutes });
    else inputRef.current?.focus();
  };

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
      onClick={() => !choice.disabled && choose(choice.mode)}
    >
      <span className="menu__label">{choice.label}</span>
    </button>
  );

  return (
    <div
      className="menu-anchor sleep-timer"
      ref={rootRef}
      onKeyDown={(event) => {
        if (open === 'closed') return;
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
        // In the custom form the arrows belong to the number box.
        if (open !== 'menu') return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Home' || event.key === 'End') {
          event.preventDefault();
          const items = [
            ...(rootRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []),
          ];
          const at = items.indexOf(document.activeElement as HTMLElement);
          const next =
            event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? items.length - 1
                : (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
          items[next]?.focus();
        }
      }}
    >
      <button
        type="button"
        className={`sleep-timer__button${active ? ' sleep-timer__button--on' : ''}`}
        aria-label="Sleep timer"
        // The Custom… form is not a menu; while it shows, the button says it opened a dialog-like form.
        aria-haspopup={open === 'custom' ? 'dialog' : 'menu'}
        aria-expanded={open !== 'closed'}
        aria-controls={open !== 'closed' ? `${id}-${open}` : undefined}
        aria-describedby={`${id}-status`}
        title={describeSleep(status)}
        onClick={() => setOpen((value) => (value === 'closed' ? 'menu' : 'closed'))}
      >
        <MoonIcon />
        {active && (
          <span className="sleep-timer__left" aria-hidden="true">
            {status.remainingSeconds !== undefined
              ? formatRemaining(status.remainingSeconds)
              : status.mode?.kind === 'end-of-chapter'
                ? 'Chapter'
                : 'Episode'}
          </span>
        )}
      </button>
      <span id={`${id}-status`} className="visually-hidden">
        {describeSleep(status)}
      </span>
      {open === 'menu' && (
        <div className="menu menu--up" role="menu" id={`${id}-menu`} aria-label="Sleep timer">
          <p className="menu__heading" aria-hidden="true">
            Stop playing after…
          </p>
          {choices.slice(0, minuteChoices.length).map(radio)}
          <button
            type="button"
            role="menuitem"
            className="menu__item menu__item--extend"
            tabIndex={-1}
            onClick={() => {
              setInvalid(false);
              setOpen('custom');
            }}
          >
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
              onClick={() => {
                sleep.extend(5);
                setOpen('closed');
              }}
            >
              <span className="menu__label">Add 5 minutes</span>
            </button>
          )}
        </div>
      )}
      {open === 'custom' && (
        <form
          className="menu menu--up sleep-custom"
          id={`${id}-custom`}
          aria-label="Custom sleep timer"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            startCustom();
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
            onChange={(event) => setDraft(event.currentTarget.value)}
          />
          <p id={`${id}-minutes-hint`} className="menu__detail" role={invalid ? 'alert' : undefined}>
            {invalid ? 'Enter whole minutes from 1 to 600' : 'From 1 to 600'}
          </p>
          <button type="submit" className="button button--primary">
            Start
          </button>
        </form>
      )}
    </div>
  );
}
