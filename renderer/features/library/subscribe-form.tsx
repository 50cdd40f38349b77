/**
 * Add a show by its feed URL, or by its web page: a page naming one feed is subscribed to that feed,
 * a page naming several offers them to pick from. An address typed without a scheme gets https://.
 * Errors come back from the service in words and are shown as such.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { isFeedChoice, withScheme } from '../../../shared/feed-address';
import type { Feed, FeedChoice, FeedLink } from '../../../shared/types';
import { ApiError, errorText } from '../../api';
import type { SubscribeOutcome } from './use-library';

const addressHint = 'Enter the address of a podcast feed or a show’s web page (for example, example.com/feed.xml)';

/** True for what the service accepts: an absolute http(s) URL, once https:// is added to a bare address. */
function isFeedAddress(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(withScheme(text)).protocol);
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

/** A feed link's name in the list to pick from: its title, else its address. */
function linkLabel(link: FeedLink): string {
  return link.title ?? link.url;
}

export function SubscribeForm({
  onSubscribe,
  onSubscribed,
  children,
}: {
  onSubscribe: (url: string) => Promise<SubscribeOutcome>;
  /** The show subscribed to (or found already there): the library turns to it. */
  onSubscribed: (feed: Feed) => void;
  /** Another way to add a show, beside Subscribe ("Find podcasts"). */
  children?: ReactNode;
}) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  /** The feeds a web page offers, while the listener picks one. */
  const [choice, setChoice] = useState<FeedChoice>();

  const subscribe = async (address: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const answer = await onSubscribe(address);
      if (isFeedChoice(answer)) {
        setChoice(answer);
        setMessage({ kind: 'ok', text: `That page offers ${answer.choices.length} feeds. Pick one below.` });
        return;
      }
      const { feed, alreadySubscribed } = answer;
      const title = feed.title || feed.url;
      setUrl('');
      setChoice(undefined);
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
    setChoice(undefined);
    await subscribe(withScheme(trimmed));
  };

  return (
    <form className="subscribe-form" onSubmit={submit} noValidate>
      <div className="subscribe-form__row">
        <input
          className="text-input subscribe-form__input"
          type="url"
          aria-label="Feed URL"
          placeholder="Feed or web page address"
          value={url}
          onChange={(event) => {
            setUrl(event.currentTarget.value);
            // What the message was about is being changed: it no longer applies.
            setMessage(undefined);
          }}
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
        {children}
      </div>
      {/* Errors are alerts (announced at once); success is a quiet status. */}
      <p
        id="subscribe-message"
        className={`subscribe-form__message subscribe-form__message--${message?.kind ?? 'none'}`}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
      {choice && (
        <ul className="subscribe-form__choices" aria-label="Feeds on this page">
          {choice.choices.map((link) => (
            <li key={link.url} className="subscribe-form__choice">
              <span className="subscribe-form__choice-text">
                <span className="subscribe-form__choice-title">{linkLabel(link)}</span>
                <span className="muted subscribe-form__choice-url">
                  {link.kind === 'atom' ? 'Atom' : 'RSS'} · {link.url}
                </span>
              </span>
              <button type="button" className="button" disabled={busy} onClick={() => void subscribe(link.url)}>
                Subscribe to {linkLabel(link)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
