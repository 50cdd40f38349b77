/** "Keyboard shortcuts" (the ? key): every key Earmark answers to, in a native modal dialog. */
import { useId } from 'react';
import { CloseIcon } from '../components/icons';
import { ModalDialog } from '../components/modal-dialog';
import { useSettingsContext } from '../features/settings/settings-context';

interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
}

export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const id = useId();
  const { skipBackSeconds, skipForwardSeconds, markBackSeconds } = useSettingsContext().settings;

  const groups: { title: string; keys: [string[], string][] }[] = [
    {
      title: 'Listening',
      keys: [
        [['Space'], 'Play or pause'],
        [['←'], `Skip back ${skipBackSeconds} seconds`],
        [['→'], `Skip forward ${skipForwardSeconds} seconds`],
        [['Shift', '←'], 'Previous chapter'],
        [['Shift', '→'], 'Next chapter'],
      ],
    },
    {
      title: 'Notes',
      keys: [
        [['N'], 'New note at the current moment'],
        [['M'], markBackSeconds > 0 ? `Mark what you just heard (${markBackSeconds} s back)` : 'Mark this moment'],
      ],
    },
    {
      title: 'Finding your way',
      keys: [
        [['/'], 'Search notes, show notes and chapters'],
        [['↑ / ↓'], 'Move through the episode list'],
        [['Alt', '↑'], 'Move an Up next item up'],
        [['Alt', '↓'], 'Move an Up next item down'],
        [['?'], 'Show these shortcuts'],
        [['Esc'], 'Close a dialog or menu'],
      ],
    },
  ];

  return (
    <ModalDialog open={open} onClose={onClose} className="settings-dialog shortcuts-dialog" labelledBy={`${id}-title`}>
      <div className="settings-dialog__body">
        <div className="settings-dialog__header">
          <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close keyboard shortcuts" onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        {groups.map((group) => (
          <section key={group.title} className="shortcuts-group" aria-labelledby={`${id}-${group.title}`}>
            <h3 id={`${id}-${group.title}`} className="settings-section__title">
              {group.title}
            </h3>
            <dl className="shortcuts-list">
              {group.keys.map(([keys, what]) => (
                <div key={what} className="shortcuts-list__row">
                  <dt>
                    {keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && <span className="shortcuts-list__plus">+</span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        {/* Not settings-dialog__help: that one is a section intro with a rule under it. */}
        <p className="muted" style={{ margin: '14px 0 0', fontSize: 13 }}>
          Shortcuts wait while you type in a field.
        </p>
      </div>
    </ModalDialog>
  );
}
