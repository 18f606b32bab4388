// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { PageScanner, type IdleScheduler, type NearWatcher, type RangeSource, type ScanSink } from '@/lib/scan/page-scanner';
import { sampleIndex } from '../helpers/fixtures';

const index = sampleIndex();
const automaton = Automaton.load(index.trie, index.variants);

/** Runs idle work at once, as if the page were always idle. */
const immediate: IdleScheduler = (work) => queueMicrotask(() => work({ timeRemaining: () => 50, didTimeout: false }));

class ManualWatcher implements NearWatcher {
  readonly watched = new Set<Element>();
  constructor(private readonly onNear: (elements: Element[]) => void) {}
  observe(element: Element) {
    this.watched.add(element);
  }
  unobserve(element: Element) {
    this.watched.delete(element);
  }
  disconnect() {
    this.watched.clear();
  }
  /** The reader scrolled these into view. */
  bringNear(...elements: Element[]) {
    this.onNear(elements);
  }
}

function setUp(html: string) {
  document.body.innerHTML = html;
  const marks: { type: string; source: RangeSource }[] = [];
  const sink: ScanSink = { add: (type, source) => void marks.push({ type, source }), remove: () => undefined };
  let watcher!: ManualWatcher;
  const scanner = new PageScanner(document.body, index, automaton, sink, immediate, (onNear) => (watcher = new ManualWatcher(onNear)));
  return { scanner, watcher, marks };
}

const ids = (scanner: PageScanner) => scanner.summary().map((s) => `${s.id}:${s.count}`);

describe('PageScanner with a near-viewport watcher', () => {
  it('reads a block only when it comes near the reader, and the rest when the whole page is asked for', async () => {
    const { scanner, watcher, marks } = setUp('<p id="a">苏州工业园区在苏州。</p><p id="b">杭州也在比较。</p><p id="c">还是苏州。</p>');
    await scanner.scan();
    expect(ids(scanner)).toEqual([]);
    expect(scanner.complete).toBe(false);
    expect(watcher.watched.size).toBe(3);

    watcher.bringNear(document.getElementById('b')!);
    await scanner.whenDone();
    expect(ids(scanner)).toEqual(['place-330100:1']);
    expect(watcher.watched.size).toBe(2);

    await scanner.scanAll();
    expect(scanner.complete).toBe(true);
    expect(ids(scanner)).toEqual(['place-320500:2', 'park-suzhou-industrial-park:1', 'place-330100:1']);
    expect(watcher.watched.size).toBe(0);
    expect(marks).toHaveLength(4);
  });

  it('makes no DOM range for a mention until one is asked for', async () => {
    const { scanner, marks } = setUp('<p>苏州和杭州</p>');
    let made = 0;
    const createRange = document.createRange.bind(document);
    document.createRange = () => (made++, createRange());
    await scanner.scan();
    await scanner.scanAll();
    expect(marks).toHaveLength(2);
    expect(made).toBe(0);
    const [first] = scanner.ordered();
    expect(made).toBe(2); // ordering by document position needs the ranges
    document.createRange = createRange;
    expect(first!.range.toString()).toBe('苏州');
    expect(first!.surface).toBe('苏州');
  });

  it('reads changed text at once, and stops watching blocks it replaced', async () => {
    const { scanner, watcher } = setUp('<div id="feed"><p>杭州</p></div>');
    await scanner.scan();
    const feed = document.getElementById('feed')!;
    feed.insertAdjacentHTML('beforeend', '<p>苏州工业园区</p>');
    await scanner.rescan([feed.lastChild!]);
    expect(ids(scanner)).toEqual(['park-suzhou-industrial-park:1']);
    expect(watcher.watched.size).toBe(1); // the untouched 杭州 paragraph still waits for the reader
  });

  it('forgets waiting blocks on reset (SPA navigation)', async () => {
    const { scanner, watcher } = setUp('<p>杭州</p><p>苏州</p>');
    await scanner.scan();
    scanner.reset();
    expect(watcher.watched.size).toBe(0);
    expect(scanner.complete).toBe(true);
  });
});
