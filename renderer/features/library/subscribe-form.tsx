/** Add a show by its feed URL. Errors come back from the service in words and are shown as such. */
import { useState, type FormEvent } from 'react';
import { errorText } from '../../api';

export function SubscribeForm({
  onSubscribe,
}: {
  onSubscribe: (url: string) => Promise<{ ok: boolean; error?: string }>;
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
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await onSubscribe(trimmed);
      if (result.ok) {
        setUrl('');
        setMessage({ kind: 'ok', text: 'Subscribed.' });
      } else {
        setMessage({
          kind: 'error',
          text: `Subscribed, but the first refresh failed: ${result.error ?? 'unknown error'}`,
        });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: `Couldn't subscribe: ${errorText(error)}` });
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
