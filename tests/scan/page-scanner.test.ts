// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { matchTexts } from '@/lib/match/match-texts';
import { MAX_MATCH_TEXT_UNITS } from '@/lib/messages/protocol';
import type { IdleScheduler } from '@/lib/scan/idle-scheduler';
import type { TextMatcher } from '@/lib/scan/match-requests';
import type { RangeSource } from '@/lib/scan/page-mention';
import { PageScanner, WALK_CHUNK_BLOCKS, type ScanSink } from '@/lib/scan/page-scanner';
import type { AheadWatcher, NearWatcher } from '@/lib/scan/viewport-watchers';
import { sampleIndex } from '../helpers/fixtures';

const index = sampleIndex();
const automaton = Automaton.load(index.trie, index.variants);
/** The background's matcher, answering at once (the extension asks it by message). */
const matcher: TextMatcher = async (texts) => matchTexts(index, automaton, texts);

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
  const scanner = new PageScanner(document.body, matcher, sink, immediate, (onNear) => (watcher = new ManualWatcher(onNear)));
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

describe('PageScanner walking a long page in idle-time slices', () => {
  /** Idle callbacks run by hand, each with no time to spare: one step of work per slice. */
  function slices() {
    const pending: Parameters<IdleScheduler>[0][] = [];
    const schedule: IdleScheduler = (work) => void pending.push(work);
    const run = (n = Infinity) => {
      for (let i = 0; i < n && pending.length; i++) pending.shift()!({ timeRemaining: () => 0, didTimeout: false });
    };
    /** Run slices, and let the matcher's answers come in between, until `done` settles. */
    const drain = async (done: Promise<unknown>) => {
      let settled = false;
      void done.then(() => (settled = true));
      while (!settled) {
        run();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    return { schedule, run, drain, get left() {
      return pending.length;
    } };
  }

  function setUpSliced(html: string) {
    document.body.innerHTML = html;
    const marks: RangeSource[] = [];
    const sink: ScanSink = { add: (_type, source) => void marks.push(source), remove: (_type, source) => void marks.splice(marks.indexOf(source), 1) };
    const idle = slices();
    let watcher!: ManualWatcher;
    const scanner = new PageScanner(document.body, matcher, sink, idle.schedule, (onNear) => (watcher = new ManualWatcher(onNear)));
    return { scanner, idle, marks, watcher: () => watcher };
  }

  it('finds the page\'s blocks a few per slice, never all in the call that starts the scan', async () => {
    const { scanner, idle, watcher } = setUpSliced('<p>苏州</p><p>杭州</p><p>深度求索</p><p>苏州工业园区</p>');
    void scanner.scan();
    expect(watcher().watched.size).toBe(0);
    idle.run(2);
    expect(watcher().watched.size).toBe(2);
    idle.run();
    expect(watcher().watched.size).toBe(4);
    expect(scanner.complete).toBe(false); // found, but far from the reader: not read yet
    await idle.drain(scanner.scanAll());
    expect(scanner.complete).toBe(true);
    expect(ids(scanner)).toHaveLength(4);
  });

  it('rescans text changed behind the walk at once and leaves text ahead of it to the walk, reading nothing twice', async () => {
    const { scanner, idle, marks } = setUpSliced('<p id="a">苏州</p><p id="b">杭州</p><p id="c">魔门塔</p>');
    void scanner.scan();
    void scanner.scanAll();
    idle.run(2); // 苏州 found and read; the walk has looked ahead into 杭州
    document.getElementById('a')!.textContent = '苏州和杭州';
    document.getElementById('c')!.textContent = '深度求索';
    await idle.drain(scanner.rescan([document.getElementById('a')!.firstChild!, document.getElementById('c')!.firstChild!]));
    expect(scanner.complete).toBe(true);
    expect(ids(scanner)).toEqual(['place-330100:2', 'company-deepseek:1', 'place-320500:1']);
    expect(marks.map((m) => m.range.toString()).sort()).toEqual(['杭州', '杭州', '深度求索', '苏州'].sort());
  });
});

describe('PageScanner on a page longer than the reader has seen', () => {
  class ManualAhead implements AheadWatcher {
    watching: Element | undefined;
    constructor(readonly reached: () => void) {}
    watch(element: Element) {
      this.watching = element;
    }
    disconnect() {
      this.watching = undefined;
    }
  }

  function setUpLong(paragraphs: number) {
    document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p id="p${i}">第${i}段提到杭州。</p>`).join('');
    let watcher!: ManualWatcher;
    let ahead!: ManualAhead;
    const sink: ScanSink = { add: () => undefined, remove: () => undefined };
    const scanner = new PageScanner(
      document.body,
      matcher,
      sink,
      immediate,
      (onNear) => (watcher = new ManualWatcher(onNear)),
      (reached) => (ahead = new ManualAhead(reached)),
    );
    return { scanner, watcher: () => watcher, ahead: () => ahead };
  }

  it('walks a chunk, waits until the reader comes near its end, then walks on; the whole page when asked', async () => {
    const { scanner, watcher, ahead } = setUpLong(WALK_CHUNK_BLOCKS * 2 + 10);
    await scanner.scan();
    expect(watcher().watched.size).toBe(WALK_CHUNK_BLOCKS);
    expect(ahead().watching?.id).toBe(`p${WALK_CHUNK_BLOCKS - 1}`);
    expect(scanner.complete).toBe(false);

    ahead().reached();
    await scanner.whenDone();
    expect(watcher().watched.size).toBe(WALK_CHUNK_BLOCKS * 2);

    await scanner.scanAll();
    expect(scanner.complete).toBe(true);
    expect(ids(scanner)).toEqual([`place-330100:${WALK_CHUNK_BLOCKS * 2 + 10}`]);
  });

  it('leaves text that changed ahead of a paused walk to the walk, and reads it once when it gets there', async () => {
    const { scanner, ahead } = setUpLong(WALK_CHUNK_BLOCKS + 5);
    await scanner.scan();
    const far = document.getElementById(`p${WALK_CHUNK_BLOCKS + 2}`)!;
    far.textContent = '苏州和杭州';
    await scanner.rescan([far.firstChild!]);
    expect(ids(scanner)).toEqual([]); // nothing read yet: all of it is far from the reader
    ahead().reached();
    await scanner.scanAll();
    expect(ids(scanner)).toEqual([`place-330100:${WALK_CHUNK_BLOCKS + 5}`, 'place-320500:1']);
  });
});


describe('PageScanner with a matcher that answers later (the background)', () => {
  /** A matcher whose answers wait until released: as when the background is slow to start. */
  function heldMatcher() {
    const held: { texts: string[]; release: () => void }[] = [];
    const ask: TextMatcher = (texts) =>
      new Promise((resolve) => held.push({ texts, release: () => resolve(matchTexts(index, automaton, texts)) }));
    return { ask, held };
  }

  function setUpWith(html: string, ask: TextMatcher) {
    document.body.innerHTML = html;
    const marks: RangeSource[] = [];
    const sink: ScanSink = { add: (_type, source) => void marks.push(source), remove: (_type, source) => void marks.splice(marks.indexOf(source), 1) };
    const scanner = new PageScanner(document.body, ask, sink, immediate);
    return { scanner, marks };
  }

  it('sends the blocks read in one slice as one request, and is not done until the answer is registered', async () => {
    const { ask, held } = heldMatcher();
    const { scanner, marks } = setUpWith('<p>苏州</p><p>杭州</p><p>没有名字</p>', ask);
    let done = false;
    void scanner.scan().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held.map((h) => h.texts)).toEqual([['苏州', '杭州', '没有名字']]);
    expect(done).toBe(false);
    expect(scanner.complete).toBe(false);
    held[0]!.release();
    await scanner.whenDone();
    expect(scanner.complete).toBe(true);
    expect(marks.map((m) => m.range.toString())).toEqual(['苏州', '杭州']);
  });

  it('drops an answer about text that changed while it was on its way, and marks the new text', async () => {
    const { ask, held } = heldMatcher();
    const { scanner, marks } = setUpWith('<p id="a">苏州</p>', ask);
    void scanner.scan();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const a = document.getElementById('a')!;
    a.textContent = '杭州';
    const rescanned = scanner.rescan([a.firstChild!]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held).toHaveLength(2);
    held[1]!.release();
    held[0]!.release(); // the old answer comes last, about text that is gone
    await rescanned;
    await scanner.whenDone();
    expect(ids(scanner)).toEqual(['place-330100:1']);
    expect(marks.map((m) => m.range.toString())).toEqual(['杭州']);
  });

  it('ignores mentions that do not fit the text or name no known entity', async () => {
    const { scanner, marks } = setUpWith('<p>苏州</p>', async (texts) => {
      const reply = matchTexts(index, automaton, texts);
      const entity = reply.found[0]![2]!;
      reply.found[0]!.push(0, 99, entity, 0, 1, 0, entity, 0, 0, 2, 424242, 0);
      return reply;
    });
    await scanner.scan();
    expect(marks.map((m) => m.range.toString())).toEqual(['苏州']);
  });

  it('leaves unread a block too long for a request, and still marks the blocks batched with it', async () => {
    const asked: string[][] = [];
    const { scanner, marks } = setUpWith('<p id="huge"></p><p>苏州</p>', async (texts) => {
      asked.push(texts);
      return matchTexts(index, automaton, texts);
    });
    document.getElementById('huge')!.textContent = `杭州${'字'.repeat(MAX_MATCH_TEXT_UNITS)}`;
    await scanner.scan();
    expect(asked).toEqual([['苏州']]);
    expect(marks.map((m) => m.range.toString())).toEqual(['苏州']);
  });

  it('finishes, with no marks and one warning, when the matcher cannot answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { scanner, marks } = setUpWith('<p>苏州</p>', () => Promise.reject(new Error('Extension context invalidated.')));
    await scanner.scan();
    await scanner.rescan([document.body.firstChild!.firstChild!]);
    expect(scanner.complete).toBe(true);
    expect(marks).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
