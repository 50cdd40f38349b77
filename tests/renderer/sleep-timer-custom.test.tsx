// @vitest-environment jsdom
/** The sleep timer's custom length: "Custom…" opens a minutes box with Start, all from the keyboard. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sampleEpisode } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

resetAppBetweenTests();

async function openPlayer() {
  await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode')] });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Alpha episode' }));
  return { user, button: await screen.findByRole('button', { name: 'Sleep timer' }) };
}

describe('sleep timer: custom length', () => {
  it('from the keyboard: Custom… asks for minutes, refuses a length out of range, Start runs it', async () => {
    const { user, button } = await openPlayer();
    button.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Sleep timer' });
    const custom = within(menu).getByRole('menuitem', { name: 'Custom…' });
    // Custom… follows the five fixed lengths.
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(custom);
    await user.keyboard('{Enter}');

    const form = screen.getByRole('form', { name: 'Custom sleep timer' });
    const minutes = within(form).getByRole('spinbutton', { name: 'Minutes' });
    expect(document.activeElement).toBe(minutes);
    expect(minutes.getAttribute('min')).toBe('1');
    expect(minutes.getAttribute('max')).toBe('600');

    await user.clear(minutes);
    await user.type(minutes, '601{Enter}');
    expect(within(form).getByRole('alert').textContent).toBe('Enter whole minutes from 1 to 600');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Sleep timer off')).toBeTruthy();

    await user.clear(minutes);
    await user.type(minutes, '90{Enter}');
    expect(screen.queryByRole('form', { name: 'Custom sleep timer' })).toBeNull();
    expect(screen.getByText('Playback stops in 1:30:00')).toBeTruthy();
    expect(button.textContent).toContain('1:30:00');
    expect(document.activeElement).toBe(button);
  });

  it('Start is a button; Escape closes the form without starting a timer', async () => {
    const { user, button } = await openPlayer();
    await user.click(button);
    await user.click(
      within(screen.getByRole('menu', { name: 'Sleep timer' })).getByRole('menuitem', { name: 'Custom…' }),
    );
    const form = screen.getByRole('form', { name: 'Custom sleep timer' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(screen.getByText('Sleep timer off')).toBeTruthy();

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Custom…' }));
    const again = screen.getByRole('spinbutton', { name: 'Minutes' });
    await user.clear(again);
    await user.type(again, '7');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByText('Playback stops in 7:00')).toBeTruthy();
    expect(form.isConnected).toBe(false);
  });
});
