/** Add a show by its feed URL. Errors come back from the service in words and are shown as such. */
import { useState, type FormEvent } from 'react';
import type { Feed } from '../../../shared/types';
import { ApiError, errorText } from '../../api';
import type { SubscribeOutcome } from './use-library';

const addressHint = 'Enter a feed address starting with http:// or https://';

/** True for what the service accepts: an absolute http(s) URL. */
function isFeedAddress(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The reason a subscribe failed, in the form's own sentence ("Couldn't subscribe: …"). */
function failureText(error: unknown): string {
  // The schema's wording ("Invalid input for subscribe: url: …") is for developers.
  if (error instanceof ApiError && error.code === 'invalid-input') return `${addressHint}.`;
  return `Couldn't subscribe: ${errorText(error)}`;
}

export function SubscribeForm({
  onSubscribe,
  onSubscribed,
}: {
  onSubscribe: (url: string) => Promise<SubscribeOutcome>;
  /** The show subscribed to (or found already there): the library turns to it. */
  onSubscribed: (feed: Feed) => void;
}) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (!trimmed) {
      setMessage({ kind: 'error', text: 'Enter the address of a podcast feed.' });
      return;
    }
    if (!isFeedAddress(trimmed)) {
      setMessage({ kind: 'error', text: `${addressHint}.` });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const { feed, alreadySubscribed } = await onSubscribe(trimmed);
      const title = feed.title || feed.url;
      setUrl('');
      setMessage({
        kind: 'ok',
        text: alreadySubscribed ? `You're already subscribed to ${title}.` : `Subscribed to ${title}.`,
      });
      onSubscribed(feed);
    } catch (error) {
      setMessage({ kind: 'error', text: failureText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="subscribe-form" onSubmit={submit} noValidate>
      <div className="subscribe-form__row">
        <input
          className="text-input subscribe-form__input"
          type="url"
          aria-label="Feed URL"
          placeholder="Feed URL, e.g. https://example.com/podcast.rss"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          aria-invalid={message?.kind === 'error' ? true : undefined}
          aria-describedby="subscribe-message"
          spellCheck={false}
          autoComplete="off"
        />
        {/* The name stays "Subscribe" while busy; the spinner and aria-busy say it is working. */}
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          Subscribe
        </button>
      </div>
      {/* Errors are alerts (announced at once); success is a quiet status. */}
      <p
        id="subscribe-message"
        className={`subscribe-form__message subscribe-form__message--${message?.kind ?? 'none'}`}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
    </form>
  );
}
