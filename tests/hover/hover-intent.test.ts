import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_CLOSE_DELAY_MS, HOVER_OPEN_DELAY_MS, HoverIntent } from '@/lib/hover/hover-intent';

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const events: string[] = [];
    const intent = new HoverIntent<string>({ open: (t) => events.push(`open ${t}`), close: () => events.push('close') });
    return { events, intent };
  };

  it('opens only after the pointer rests on a name', () => {
    const { events, intent } = setup();
    intent.update('a');
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
  });

  it('ignores a pointer that passes over a name', () => {
    const { events, intent } = setup();
    intent.update('a');
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS / 2);
    intent.update(undefined);
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS * 4);
    expect(events).toEqual([]);
  });

  it('stays open while the pointer moves into the card, and closes after it leaves', () => {
    const { events, intent } = setup();
    intent.update('a');
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
    intent.update(undefined);
    vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS / 2);
    intent.update(undefined, true);
    vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS * 3);
    expect(events).toEqual(['open a']);
    intent.update(undefined);
    vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS);
    expect(events).toEqual(['open a', 'close']);
  });

  it('closes at once on request (Esc, click elsewhere)', () => {
    const { events, intent } = setup();
    intent.update('a');
    vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
    intent.closeNow();
    expect(events).toEqual(['open a', 'close']);
    expect(intent.current).toBeUndefined();
  });
});

describe('HoverIntent pinning', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a pinned card open when the pointer leaves, until closed', () => {
    const events: string[] = [];
    const intent = new HoverIntent<string>({ open: (t) => events.push(`open ${t}`), close: () => events.push('close') });
    intent.pin('a');
    expect(events).toEqual(['open a']);
    intent.update(undefined);
    intent.update('b');
    vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS * 5);
    expect(events).toEqual(['open a']);
    expect(intent.isPinned).toBe(true);
    intent.closeNow();
    expect(events).toEqual(['open a', 'close']);
    expect(intent.isPinned).toBe(false);
  });
});
