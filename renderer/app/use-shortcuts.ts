/**
 * Single-key shortcuts for listening hands-free from the keyboard: N starts a note, M marks what
 * was just heard, ←/→ skip, Shift+←/→ move between chapters, / focuses Search, ? lists them all.
 * None fires while typing in a field or inside a dialog, arrows leave alone the controls that use
 * them (sliders, radios, menus), and none takes a key combined with Ctrl/Cmd/Alt (the OS's).
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/menu-commands';
import { api } from '../api';

export interface Shortcuts {
  note?: () => void;
  mark?: () => void;
  previousChapter?: () => void;
  nextChapter?: () => void;
  search?: () => void;
  skipBack?: () => void;
  skipForward?: () => void;
  help?: () => void;
  /** Space has its own hook (use-space-toggle); the app menu's Play/Pause comes here. */
  playPause?: () => void;
}

/** The Electron app menu's commands run the same handlers as the keys. */
const handlerFor: Record<MenuCommand, keyof Shortcuts> = {
  'play-pause': 'playPause',
  'skip-back': 'skipBack',
  'skip-forward': 'skipForward',
  'previous-chapter': 'previousChapter',
  'next-chapter': 'nextChapter',
  'new-note': 'note',
  mark: 'mark',
  search: 'search',
  shortcuts: 'help',
};

const typing =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable], dialog *';
/** Controls where the arrow keys already mean something. */
const usesArrows = 'input, select, textarea, [role="slider"], [role="menu"], [role="radiogroup"], [role="listbox"]';

export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(typing)) return;
      const { note, mark, previousChapter, nextChapter, search, skipBack, skipForward, help } = ref.current;
      const arrow = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
      // Shift+arrows on a slider are the chapter keys (a slider's own step would be one second).
      const sliderChapterKeys = event.shiftKey && target?.closest('input[type="range"]');
      if (arrow && !sliderChapterKeys && target?.closest(usesArrows)) return;
      const action =
        event.key === '?'
          ? help
          : event.shiftKey
            ? { ArrowLeft: previousChapter, ArrowRight: nextChapter }[event.key]
            : { n: note, N: note, m: mark, M: mark, '/': search, ArrowLeft: skipBack, ArrowRight: skipForward }[
                event.key
              ];
      if (!action) return;
      // Also stops the letter landing in the note box that N is about to focus.
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = api.on('menuCommand', ({ command, byKey }) => {
      // Typing never runs a command. The menu's single keys are not menu shortcuts (menu.ts), so a
      // command that says it came from a key while a field has focus was a typed letter the OS
      // offered the menu; clicks on the menu or the tray always run.
      if (byKey && document.hasFocus() && document.activeElement?.closest(typing)) return;
      ref.current[handlerFor[command]]?.();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, []);
}
