import { beforeEach, describe, expect, it } from 'vitest';
import { createSleepTimer, parseSleepMinutes, type SleepTimer } from '../../../shared/sleep-timer.js';

let clock: number;
let timer: SleepTimer;
const minutes = (n: number) => n * 60_000;

beforeEach(() => {
  clock = 1_000_000;
  timer = createSleepTimer({ now: () => clock });
  timer.setPlaying(true);
});

describe('sleep timer: minutes', () => {
  it('counts down on the injected clock and says stop when the time is up, then switches off', () => {
    timer.start({ kind: 'minutes', minutes: 15 });
    clock += minutes(10);
    expect(timer.status()).toEqual({ mode: { kind: 'minutes', minutes: 15 }, remainingSeconds: 300 });
    expect(timer.tick({ position: 600 })).toBe(false);
    clock += minutes(5);
    expect(timer.tick({ position: 900 })).toBe(true);
    expect(timer.status()).toEqual({ mode: null });
    expect(timer.tick({ position: 901 })).toBe(false);
  });

  it('pauses the countdown while playback is paused', () => {
    timer.start({ kind: 'minutes', minutes: 10 });
    clock += minutes(4);
    timer.setPlaying(false);
    clock += minutes(30);
    expect(timer.status().remainingSeconds).toBe(360);
    expect(timer.tick({ position: 1 })).toBe(false);
    timer.setPlaying(true);
    clock += minutes(6);
    expect(timer.tick({ position: 2 })).toBe(true);
  });

  it('waits for playback to start when set while paused', () => {
    timer.setPlaying(false);
    timer.start({ kind: 'minutes', minutes: 1 });
    clock += minutes(5);
    expect(timer.status().remainingSeconds).toBe(60);
  });

  it('extends by minutes', () => {
    timer.start({ kind: 'minutes', minutes: 5 });
    clock += minutes(4);
    timer.extend(10);
    expect(timer.status().remainingSeconds).toBe(660);
    clock += minutes(10);
    expect(timer.tick({ position: 0 })).toBe(false);
    clock += minutes(1);
    expect(timer.tick({ position: 0 })).toBe(true);
  });

  it('cancels', () => {
    timer.start({ kind: 'minutes', minutes: 1 });
    timer.cancel();
    clock += minutes(2);
    expect(timer.tick({ position: 0 })).toBe(false);
    expect(timer.status()).toEqual({ mode: null });
  });

  it('does not stop the queue from advancing at the end of an episode', () => {
    timer.start({ kind: 'minutes', minutes: 30 });
    expect(timer.episodeEnded()).toBe(false);
    expect(timer.status().mode).toEqual({ kind: 'minutes', minutes: 30 });
  });
});

describe('sleep timer: end of episode', () => {
  it('stops at the end instead of playing the next episode; remaining follows position and speed', () => {
    timer.start({ kind: 'end-of-episode' });
    expect(timer.status({ position: 1500, durationSeconds: 1800, rate: 1.5 }).remainingSeconds).toBe(200);
    expect(timer.status({ position: 1500 })).toEqual({ mode: { kind: 'end-of-episode' } });
    expect(timer.tick({ position: 1799, durationSeconds: 1800 })).toBe(false);
    extendIsIgnored();
    expect(timer.episodeEnded()).toBe(true);
    expect(timer.status()).toEqual({ mode: null });
    expect(timer.episodeEnded()).toBe(false);
  });

  function extendIsIgnored() {
    timer.extend(5);
    expect(timer.status().mode).toEqual({ kind: 'end-of-episode' });
  }
});

describe('sleep timer: end of chapter', () => {
  it('stops when playback crosses the end of the chapter playing', () => {
    timer.start({ kind: 'end-of-chapter' });
    expect(timer.status({ position: 90, chapterEnd: 98 }).remainingSeconds).toBe(8);
    expect(timer.tick({ position: 96, chapterEnd: 98 })).toBe(false);
    expect(timer.tick({ position: 97.5, chapterEnd: 98 })).toBe(false);
    expect(timer.tick({ position: 98.2, chapterEnd: 470 })).toBe(true);
    expect(timer.status()).toEqual({ mode: null });
  });

  it('treats a seek into another chapter as choosing that chapter, not as its end', () => {
    timer.start({ kind: 'end-of-chapter' });
    timer.tick({ position: 50, chapterEnd: 98 });
    expect(timer.tick({ position: 300, chapterEnd: 470 })).toBe(false);
    expect(timer.tick({ position: 469, chapterEnd: 470 })).toBe(false);
    expect(timer.tick({ position: 471, chapterEnd: 900 })).toBe(true);
  });

  it('allows bigger steps between ticks at higher speed', () => {
    timer.start({ kind: 'end-of-chapter' });
    timer.tick({ position: 95, chapterEnd: 100, rate: 3 });
    expect(timer.tick({ position: 106, chapterEnd: 200, rate: 3 })).toBe(true);
  });

  it('stops at the end of the episode too (the last chapter ends there)', () => {
    timer.start({ kind: 'end-of-chapter' });
    expect(timer.episodeEnded()).toBe(true);
  });
});

describe('sleep timer: custom minutes', () => {
  it('takes whole minutes from 1 to 600, nothing else', () => {
    expect(parseSleepMinutes('1')).toBe(1);
    expect(parseSleepMinutes(' 90 ')).toBe(90);
    expect(parseSleepMinutes('600')).toBe(600);
    for (const text of ['', '0', '601', '1.5', '-5', '1e2', 'ten']) expect(parseSleepMinutes(text)).toBeUndefined();
  });
});
