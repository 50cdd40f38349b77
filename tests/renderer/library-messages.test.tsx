// @vitest-environment jsdom
/**
 * What the library says: subscribe outcomes and errors, refresh failures grouped by cause beside
 * "Updated …", the offline snapshot explained once; failed downloads in their own group; the
 * settings' Default speed offering the player's speeds.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EarmarkError } from '../../electron/core/dispatch';
import type { Download, Feed } from '../../shared/types';
import { formatRate, rates } from '../../renderer/features/player/speed-control';
import { sampleEpisode, sampleFeed, type FakeData } from './fake-bridge';
import { renderApp as renderShell, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

const episodes = [sampleEpisode('e1', 'Socket management'), sampleEpisode('e2', 'Does discipline work?')];
const renderApp = (data: Partial<FakeData> = {}) => renderShell({ episodes, ...data });

const newShow: Feed = {
  id: 'feed-2',
  url: 'https://example.org/new.xml',
  title: 'The New Show',
  description: '',
  lastSyncedAt: new Date().toISOString(),
};

type Fake = Awaited<ReturnType<typeof renderApp>>;

/** A feed of one episode, as a show's server would send it. */
const feedXml = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><description>A show.</description>
<item><title>First</title><guid>first</guid><enclosure url="https://example.org/1.mp3" type="audio/mpeg"/></item>
</channel></rss>`;

/**
 * Serves `feed` at its address, so the service subscribes to it for real; or makes the call fail
 * with `error` as it arrives across the transport (what no feed server can make the service say).
 */
function answerSubscribe(fake: Fake, answer: { feed: Feed } | { error: { code: string; message: string } }): void {
  if ('feed' in answer) {
    fake.network.set(answer.feed.url, feedXml(answer.feed.title));
    return;
  }
  fake.bridge.subscribe = (async (input: unknown) => {
    fake.calls.push({ method: 'subscribe', input });
    return { ok: false, error: answer.error };
  }) as typeof fake.bridge.subscribe;
}

async function subscribeTo(url: string): Promise<void> {
  const user = userEvent.setup();
  const box = await screen.findByRole('textbox', { name: 'Feed URL' });
  await user.clear(box);
  await user.type(box, url);
  await user.click(screen.getByRole('button', { name: 'Subscribe' }));
}

resetAppBetweenTests();

describe('subscribe', () => {
  it('asks for a web address in a plain sentence before calling the service', async () => {
    const fake = await renderApp();
    await subscribeTo('not a feed at all');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the address of a podcast feed or a show’s web page (for example, example.com/feed.xml).',
    );
    expect(fake.calls.some((call) => call.method === 'subscribe')).toBe(false);
  });

  it('drops the message once the address is changed or cleared', async () => {
    await renderApp();
    await subscribeTo('not a feed at all');
    expect(await screen.findByRole('alert')).toBeTruthy();
    await userEvent.setup().clear(screen.getByRole('textbox', { name: 'Feed URL' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Feed URL' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('says "Couldn\'t subscribe" once before the service\'s reason', async () => {
    const fake = await renderApp();
    answerSubscribe(fake, { error: { code: 'failed', message: 'The feed server answered 404 Not Found.' } });
    await subscribeTo('https://example.org/missing.xml');
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Couldn't subscribe: The feed server answered 404 Not Found.",
    );
  });

  it("turns the service's schema wording into the same plain sentence", async () => {
    const fake = await renderApp();
    answerSubscribe(fake, {
      error: { code: 'invalid-input', message: 'Invalid input for subscribe: url: Invalid URL' },
    });
    await subscribeTo('https://example.org/odd');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the address of a podcast feed or a show’s web page (for example, example.com/feed.xml).',
    );
  });

  it('names the new show and turns the library to it', async () => {
    const fake = await renderApp();
    answerSubscribe(fake, { feed: newShow });
    await subscribeTo(newShow.url);
    expect(await screen.findByText('Subscribed to The New Show.')).toBeTruthy();
    const shows = screen.getByRole('group', { name: 'Shows' });
    expect(within(shows).getByRole('button', { name: 'The New Show' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 1, name: 'The New Show' })).toBeTruthy();
  });

  it('says so when the show is already in the library, and shows it', async () => {
    const fake = await renderApp({ feeds: [sampleFeed, newShow] });
    answerSubscribe(fake, { feed: sampleFeed });
    await subscribeTo(sampleFeed.url);
    expect(await screen.findByText("You're already subscribed to The Sample Show.")).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'The Sample Show' })).toBeTruthy();
  });
});

describe('subscribe with an address typed loosely, or a web page', () => {
  it('adds https:// to an address without a scheme', async () => {
    const fake = await renderApp();
    answerSubscribe(fake, { feed: newShow });
    await subscribeTo('example.org/new.xml');
    expect(await screen.findByText('Subscribed to The New Show.')).toBeTruthy();
    expect(fake.calls.filter((call) => call.method === 'subscribe').map((call) => call.input)).toEqual([
      { url: 'https://example.org/new.xml' },
    ]);
  });

  it('offers the feeds a web page names, and subscribes to the one picked', async () => {
    const fake = await renderApp();
    const page = 'https://show.example/';
    const links = [
      '<link rel="alternate" type="application/rss+xml" title="MP3 feed" href="https://show.example/mp3.xml">',
      `<link rel="alternate" type="application/atom+xml" href="${newShow.url}">`,
    ];
    fake.network.set(
      page,
      () => new Response(`<html><head>${links.join('')}</head></html>`, { headers: { 'content-type': 'text/html' } }),
    );
    answerSubscribe(fake, { feed: newShow });
    await subscribeTo('show.example/');
    const choices = await screen.findByRole('list', { name: 'Feeds on this page' });
    expect(screen.getByText('That page offers 2 feeds. Pick one below.').getAttribute('role')).toBe('status');
    expect(
      within(choices)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Subscribe to MP3 feed', `Subscribe to ${newShow.url}`]);
    await userEvent.setup().click(within(choices).getByRole('button', { name: `Subscribe to ${newShow.url}` }));
    expect(await screen.findByText('Subscribed to The New Show.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Feeds on this page' })).toBeNull();
    expect(fake.calls.filter((call) => call.method === 'subscribe').map((call) => call.input)).toEqual([
      { url: page },
      { url: newShow.url },
    ]);
  });
});

describe('refresh status', () => {
  const refused = 'The feed server refused the connection (nothing is listening at that address).';
  const updated = new Date(Date.now() - 5 * 60_000).toISOString();

  it('says each cause once, counting the shows that share it, beside "Updated …"', async () => {
    await renderApp({
      feeds: [
        { ...sampleFeed, lastSyncedAt: updated, lastError: refused },
        { ...newShow, lastSyncedAt: updated, lastError: refused },
        { ...newShow, id: 'feed-3', title: 'Third Show', lastSyncedAt: updated, lastError: 'Gone away' },
      ],
    });
    const status = (await screen.findByText(/Couldn't refresh 2 shows/)).closest('p')!;
    expect(within(status).getByText(`Couldn't refresh 2 shows: ${refused}`)).toBeTruthy();
    expect(within(status).getByText("Couldn't refresh Third Show: Gone away.")).toBeTruthy();
    expect(status.textContent).toMatch(/Updated 5 minutes ago/);
    expect(status.textContent).not.toContain(';');
  });

  it("drops a failed refresh's message once a show syncs again", async () => {
    const user = userEvent.setup();
    const fake = await renderApp();
    await screen.findByRole('list', { name: 'Episodes' });
    fake.overrides.refreshFeeds = () => {
      throw new EarmarkError('failed', 'The disk is full');
    };
    await user.click(screen.getByRole('button', { name: 'Refresh feeds' }));
    expect(await screen.findByText("Couldn't refresh: The disk is full.")).toBeTruthy();

    act(() => fake.emit('syncResult', { feedId: sampleFeed.id, ok: true, added: 0, updated: 0 }));
    await waitFor(() => expect(screen.queryByText(/Couldn't refresh/)).toBeNull());
  });

  it('explains an offline snapshot once, with Unsubscribe among the header actions', async () => {
    await renderApp({ feeds: [{ ...sampleFeed, snapshot: true, lastError: refused }] });
    expect(await screen.findByText('Offline snapshot')).toBeTruthy();
    expect(screen.getAllByText(/copy saved with the app/)).toHaveLength(1);
    expect(screen.getByText(`Couldn't refresh: ${refused}`)).toBeTruthy();
    const refresh = screen.getByRole('button', { name: 'Refresh feeds' });
    expect(within(refresh.parentElement!).getByRole('button', { name: 'Unsubscribe' })).toBeTruthy();
  });
});

describe('downloads view', () => {
  it('lists a failed download under Failed with Retry, not in the queue', async () => {
    const failed: Download = {
      episodeId: 'e1',
      feedId: sampleFeed.id,
      url: 'https://example.com/e1.mp3',
      state: 'failed',
      bytes: 0,
      queuedAt: '2025-04-05T00:00:00Z',
      error: 'The server refused the connection.',
    };
    const queued: Download = { ...failed, episodeId: 'e2', state: 'queued' };
    delete queued.error;
    const user = userEvent.setup();
    await renderApp({ downloads: { e1: failed, e2: queued } });
    await user.click(await screen.findByRole('button', { name: 'Downloads' }));
    const failedList = await screen.findByRole('list', { name: 'Failed downloads' });
    const item = within(failedList).getByRole('listitem', { name: 'Socket management' });
    expect(within(item).getByRole('button', { name: 'Retry download' })).toBeTruthy();
    const queue = screen.getByRole('list', { name: 'Download queue' });
    expect(within(queue).queryByRole('listitem', { name: 'Socket management' })).toBeNull();
    expect(within(queue).getByRole('listitem', { name: 'Does discipline work?' })).toBeTruthy();
  });
});

describe('settings', () => {
  it("offers the player's speeds as the default speed, 0.5× included", async () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    const user = userEvent.setup();
    await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings', hidden: true });
    const defaultSpeed = within(dialog).getByRole('combobox', { name: 'Default speed', hidden: true });
    const labels = [...(defaultSpeed as HTMLSelectElement).options].map((option) => option.text);
    expect(labels[0]).toBe('0.5×');
    expect(labels).toEqual(rates.map(formatRate));
  });
});
