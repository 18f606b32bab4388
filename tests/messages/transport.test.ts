import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, serveMessages } from '@/lib/messages/transport';
import { isMatchReply, LIST_REPLIES, MatchReply, MAX_TEXTS_PER_MATCH, Message, Replies, REPLY_CHECKS, type MessageType } from '@/lib/messages/protocol';
import { sampleBundle } from '../helpers/fixtures';

/** fakeBrowser types its events with two arguments; Chrome passes a third, sendResponse. */
const trigger = (...args: unknown[]) =>
  (fakeBrowser.runtime.onMessage.trigger as unknown as (...a: unknown[]) => Promise<unknown[]>)(...args);

/** Route runtime.sendMessage through the listeners with a real sendResponse, as Chrome does. */
function wireRuntime() {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    (message: unknown) =>
      new Promise((resolve) => {
        void trigger(message, {}, resolve);
      }) as never,
  );
}

describe('message transport', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    wireRuntime();
  });

  it('answers a valid request with the handler’s value, validated against the reply schema', async () => {
    const entity = sampleBundle().entities[0]!;
    serveMessages({ 'entity/get': ({ id }) => (id === entity.id ? entity : null) });
    await expect(sendToBackground({ type: 'entity/get', id: entity.id })).resolves.toEqual(entity);
    await expect(sendToBackground({ type: 'entity/get', id: 'company-none' })).resolves.toBeNull();
  });

  it('turns a handler failure into an error at the caller', async () => {
    serveMessages({ 'dataset/info': () => Promise.reject(new Error('database closed')) });
    await expect(sendToBackground({ type: 'dataset/info' })).rejects.toThrow('database closed');
  });

  it('rejects malformed messages of a handled kind and ignores unknown kinds', async () => {
    serveMessages({ 'entity/get': () => null });
    const replies: unknown[] = [];
    await trigger({ type: 'entity/get', id: 42 }, {}, (r: unknown) => replies.push(r));
    expect(replies).toEqual([{ ok: false, error: expect.stringMatching(/invalid entity\/get/) }]);
    const results = await trigger({ type: 'evil/run' }, {}, () => replies.push('x'));
    expect(results).toEqual([false]);
    expect(() => Message.parse({ type: 'entity/getMany', ids: Array(5000).fill('a') })).toThrow();
  });

  it('takes an empty list reply without its schema, and still checks a list that has items', async () => {
    // Exactly the list replies accept an empty list, so the shortcut never lets through what a schema would refuse.
    for (const type of Object.keys(Replies) as MessageType[]) {
      expect([type, Replies[type].safeParse([]).success]).toEqual([type, LIST_REPLIES.has(type)]);
    }
    serveMessages({ 'clipping/forPage': ({ url }) => (url.endsWith('/none') ? [] : ([{ id: 'not a clipping' }] as never)) });
    await expect(sendToBackground({ type: 'clipping/forPage', url: 'https://example.org/none' })).resolves.toEqual([]);
    await expect(sendToBackground({ type: 'clipping/forPage', url: 'https://example.org/bad' })).rejects.toThrow();
  });

  it('carries page text to the matcher within bounds, and takes back only whole-number mentions', async () => {
    expect(Message.safeParse({ type: 'match/texts', texts: ['苏州', ''] }).success).toBe(true);
    expect(Message.safeParse({ type: 'match/texts', texts: Array(MAX_TEXTS_PER_MATCH + 1).fill('a') }).success).toBe(false);
    expect(Message.safeParse({ type: 'match/texts', texts: [42] }).success).toBe(false);
    const entities = [[3, 'place-320500', 'place', -1]];
    serveMessages({
      'match/texts': ({ texts }) => ({ found: texts.map((t) => (t === 'bad' ? ([0, 1.5, 3, 0] as number[]) : [0, 2, 3, 0])), entities }) as never,
    });
    await expect(sendToBackground({ type: 'match/texts', texts: ['苏州'] })).resolves.toEqual({ found: [[0, 2, 3, 0]], entities });
    await expect(sendToBackground({ type: 'match/texts', texts: ['bad'] })).rejects.toThrow();
  });

  it('checks match replies on the page with a predicate that accepts exactly what their schema accepts', () => {
    const good = { found: [[0, 2, 3, 0], [], [1, 4, 7, 2, 8, 9]], entities: [[3, 'place-320500', 'place', -1], [7, 'place-320106', 'place', 1]] };
    const samples: unknown[] = [
      good,
      { found: [], entities: [] },
      { ...good, extra: true },
      null,
      [],
      'found',
      { found: [[0, 2, 3, 0]] },
      { entities: [] },
      { found: [[0, 2.5, 3, 0]], entities: [] },
      { found: [['0']], entities: [] },
      { found: [0, 2, 3, 0], entities: [] },
      { found: [], entities: [[3, 'place-320500', 'planet', -1]] },
      { found: [], entities: [[3, 'place-320500', 'place']] },
      { found: [], entities: [[3, 'place-320500', 'place', -1, 5]] },
      { found: [], entities: [[3, 42, 'place', -1]] },
      { found: [], entities: [['3', 'place-320500', 'place', -1]] },
      { found: [], entities: [[3, 'place-320500', 'place', 0.5]] },
      { found: [[Number.NaN]], entities: [] },
    ];
    for (const sample of samples) {
      expect([sample, isMatchReply(sample)]).toEqual([sample, MatchReply.safeParse(sample).success]);
    }
    expect(samples.filter(isMatchReply)).toHaveLength(3);
    expect(REPLY_CHECKS['match/texts']).toBe(isMatchReply);
  });
});
