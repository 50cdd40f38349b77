/**
 * "Export notes": a small menu of formats, Markdown (for people and note apps: each note links back
 * with earmark://) or JSON (for import into another Earmark). One episode, or all when no id.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useCloseOutside } from '../../components/use-close-outside';
import { api, errorText } from '../../api';
import { ExportIcon } from '../../components/icons';
import { useToast } from '../../components/toast-context';
import { saveTextFile } from '../../lib/save-file';

const formats = [
  { format: 'markdown', label: 'Markdown', detail: 'Readable, with links back to each moment' },
  { format: 'json', label: 'JSON', detail: 'For importing into Earmark' },
] as const;

export function ExportNotes({ episodeId, disabled }: { episodeId?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const closeMenu = useCallback(() => setOpen(false), []);
  useCloseOutside(rootRef, open, closeMenu);
  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const run = async (format: 'markdown' | 'json') => {
    setOpen(false);
    try {
      const file = await api.exportNotes(episodeId ? { episodeId, format } : { format });
      saveTextFile(file.fileName, file.mimeType, file.content);
      toast({ text: `Saved ${file.fileName}` });
    } catch (failure) {
      toast({ text: `Couldn't export notes: ${errorText(failure)}` });
    }
  };

  return (
    <div
      className="menu-anchor"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
        if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          event.preventDefault();
          const items = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <button
        type="button"
        // Small in an episode's notes panel; full size beside the library header's other buttons.
        className={episodeId ? 'button button--small' : 'button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        <ExportIcon />
        Export notes
      </button>
      {open && (
        <div className="menu" role="menu" id={menuId} aria-label="Export format">
          {formats.map((item) => (
            <button
              key={item.format}
              type="button"
              role="menuitem"
              className="menu__item"
              tabIndex={-1}
              onClick={() => void run(item.format)}
            >
              <span className="menu__label">{item.label}</span>
              <span className="menu__detail" aria-hidden="true">
                {item.detail}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
