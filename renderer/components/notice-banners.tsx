/** Dismissible banners for service notices, newest last. Errors are announced assertively. */
import type { Notice } from '../../shared/types';
import { AlertIcon, CloseIcon, InfoIcon } from './icons';
import './notice-banners.css';

export function NoticeBanners({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice--${notice.level}`}
          role={notice.level === 'error' ? 'alert' : 'status'}
        >
          {notice.level === 'info' ? <InfoIcon /> : <AlertIcon />}
          <p className="notice__text">{notice.text}</p>
          <button
            type="button"
            className="icon-button notice__close"
            aria-label="Dismiss notice"
            onClick={() => onDismiss(notice.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
