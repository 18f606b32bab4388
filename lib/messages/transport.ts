import { browser } from 'wxt/browser';
import { LIST_REPLIES, Message, Replies, REPLY_CHECKS, type Envelope, type MessageType, type Reply } from './protocol';

type Of<T extends MessageType> = Extract<Message, { type: T }>;
/** Who sent a message (the tab, for a content script's message). */
export interface MessageSender {
  tab?: { id?: number };
}
export type Handlers = { [T in MessageType]?: (message: Of<T>, sender: MessageSender) => Promise<Reply<T>> | Reply<T> };

/**
 * Answer the message kinds in `handlers`; ignore everything else (another part may answer it). Invalid
 * messages of a handled kind get an error envelope.
 */
export function serveMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: Envelope<unknown>) => void) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return false;
    const parsed = Message.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `invalid ${type} message: ${parsed.error.issues[0]?.message ?? ''}` });
      return false;
    }
    const handler = handlers[parsed.data.type] as (m: Message, s: MessageSender) => unknown;
    Promise.resolve()
      .then(() => handler(parsed.data, (sender ?? {}) as MessageSender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true; // the reply is sent asynchronously
  });
}

function unwrap<T extends MessageType>(type: T, envelope: unknown): Reply<T> {
  if (!envelope || typeof envelope !== 'object') throw new Error(`no answer to ${type}`);
  const e = envelope as Envelope<unknown>;
  if (!e.ok) throw new Error(e.error);
  if (Array.isArray(e.value) && e.value.length === 0 && LIST_REPLIES.has(type)) return [] as Reply<T>;
  const check = REPLY_CHECKS[type];
  if (check) {
    if (!check(e.value)) throw new Error(`invalid ${type} reply`);
    return e.value as Reply<T>;
  }
  return Replies[type].parse(e.value) as Reply<T>;
}

// Outgoing messages are typed, not parsed: the receiver parses every message it is sent, and parsing here too
// would build the whole message schema in every content script at start-up.
export async function sendToBackground<T extends MessageType>(message: Of<T>): Promise<Reply<T>> {
  return unwrap(message.type as T, await browser.runtime.sendMessage(message));
}

export async function sendToTab<T extends MessageType>(tabId: number, message: Of<T>): Promise<Reply<T>> {
  return unwrap(message.type as T, await browser.tabs.sendMessage(tabId, message));
}
