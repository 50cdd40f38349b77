/**
 * "Sleep timer": a menu of 5–60 minutes, a custom length, end of episode, end of chapter, or off.
 * "Custom…" swaps the menu for a small form (a menu may hold only menu items): a minutes box and
 * Start. While a timer runs the button shows the time left (the button's name stays "Sleep timer";
 * the time is its description).
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useCloseOutside } from '../../components/use-close-outside';
import { parseSleepMinutes, type SleepMode } from '../../../shared/sleep-timer';
import { MoonIcon } from '../../components/icons';
import { SleepCustomForm } from './sleep-custom-form';
import { SleepTimerChoices } from './sleep-timer-choices';
import { describeSleep, formatRemaining, type SleepTimerControl } from './use-sleep-timer';

/** Up, Down, Home and End move between the menu's items that can be chosen. */
function moveMenuFocus(event: KeyboardEvent<HTMLElement>, root: HTMLElement | null) {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    const items = [...(root?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? items.length - 1
          : (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
    items[next]?.focus();
  }
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
        moveMenuFocus(event, rootRef.current);
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
        <SleepTimerChoices
          id={id}
          status={status}
          hasChapters={hasChapters}
          onChoose={choose}
          onCustom={() => {
            setInvalid(false);
            setOpen('custom');
          }}
          onExtend={() => {
            sleep.extend(5);
            setOpen('closed');
          }}
        />
      )}
      {open === 'custom' && (
        <SleepCustomForm
          id={id}
          inputRef={inputRef}
          draft={draft}
          onDraftChange={setDraft}
          invalid={invalid}
          onStart={startCustom}
        />
      )}
    </div>
  );
}
