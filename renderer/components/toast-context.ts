/**
 * One short-lived message at a time ("Note deleted · Undo"), shown by the app shell so it survives
 * the view that raised it being closed.
 */
import { createContext, useContext } from 'react';

export interface ToastMessage {
  text: string;
  /** A button beside the text, e.g. "Undo". */
  action?: { label: string; run: () => void | Promise<void> };
}

export type ShowToast = (message: ToastMessage) => void;

export const ToastContext = createContext<ShowToast>(() => undefined);

export const useToast = (): ShowToast => useContext(ToastContext);
