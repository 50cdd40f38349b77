/**
 * The whole renderer on the fake bridge (the real services on a temp folder), as every app-level
 * renderer test starts it. Each test file still declares `vi.mock('howler', …)` itself: Vitest hoists
 * mocks per file.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { closeFakeBridges, createFakeBridge, type FakeBridgeOptions, type FakeData } from './fake-bridge';
import { fakeHowls } from './fake-howler';

/** Renders <App /> talking to a fresh fake bridge holding `data`; returns the fake. */
export async function renderApp(data: Partial<FakeData> = {}, options: FakeBridgeOptions = {}) {
  const fake = await createFakeBridge(structuredClone(data), options);
  window.earmark = fake.bridge;
  vi.resetModules(); // api.ts picks its transport at import time.
  const { App } = await import('../../renderer/app/app');
  render(<App />);
  return fake;
}

/** Fresh fake audio, history and storage before each test; no app, bridge or data folder left after it. */
export function resetAppBetweenTests(): void {
  beforeEach(() => {
    fakeHowls.reset();
    history.replaceState(null, '');
    localStorage.clear();
  });
  afterEach(async () => {
    cleanup();
    delete window.earmark;
    await closeFakeBridges();
  });
}
