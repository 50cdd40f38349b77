/**
 * The toast above the player bar. It lives in a polite status region that is always in the page,
 * so screen readers announce each new message. It hides after a while, but not while the pointer
 * or focus is on it (someone reaching for Undo must not lose it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CloseIcon } from './icons';
import type { ShowToast, ToastMessage } from './toast-context';
import './toast.css';

const VISIBLE_MS = 8000;

export function useToastState(): { toast?: ToastMessage & { id: number }; show: ShowToast; hide: () => void } {
  const [toast, setToast] = useState<ToastMessage & { id: number }>();
  const next = useRef(0);
  const show = useCallback<ShowToast>((message) => {
    next.current += 1;
    setToast({ ...message, id: next.current });
  }, []);
  const hide = useCallback(() => setToast(undefined), []);
  return { toast, show, hide };
}

export function Toast({ toast, onHide }: { toast?: ToastMessage & { id: number }; onHide: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = window.setTimeout(onHide, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, onHide]);

  return (
    <div className="toast-region" role="status">
      {toast && (
        <div
          key={toast.id}
          className="toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span className="toast__text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                const action = toast.action;
                onHide();
                setHeld(false);
                void action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button toast__close" aria-label="Dismiss" onClick={onHide}>
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
