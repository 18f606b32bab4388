import { CardHost } from '@/components/card-host';
import { CardController, type CardTarget } from '@/components/card-controller';
import type { NameIndex } from '@/lib/data/bundle';
import { LazyHighlighter } from '@/lib/highlight/lazy-highlighter';
import { HighlightRegistry, installHighlightStyles } from '@/lib/highlight/registry';
import { mentionAtPoint } from '@/lib/hover/hit-test';
import { HoverIntent } from '@/lib/hover/hover-intent';
import { Automaton } from '@/lib/match/automaton';
import { sendToBackground, serveMessages } from '@/lib/messages/transport';
import { watchDom } from '@/lib/scan/dom-watcher';
import { PageScanner, type FoundMention } from '@/lib/scan/page-scanner';
import { isInViewport } from '@/lib/dom/viewport';
import nameIndexJson from '@/generated/name-index.json';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin (and other) frames get their own scan; only the top frame answers the popup.
  allFrames: true,
  main() {
    const body = document.body;
    if (!body || !('highlights' in CSS)) return;
    const index = nameIndexJson as unknown as NameIndex;
    const highlights = new HighlightRegistry();
    installHighlightStyles(document);
    const scanner = new PageScanner(body, index, Automaton.build(index.names, index.variants), new LazyHighlighter(highlights));
    void scanner.scan(body, isInViewport);
    watchDom(body, ({ nodes, navigated }) => {
      if (navigated) {
        scanner.reset();
        void scanner.scan(body, isInViewport);
      } else {
        void scanner.rescan(nodes);
      }
    });

    if (window.top === window) {
      serveMessages({
        'page/mentions': () => ({ url: location.href, complete: scanner.complete, mentions: scanner.summary() }),
      });
    }

    const card = new CardHost(document);
    const controller = new CardController(card, document, () => intent.pin());
    controller.datasetVersion = index.version;
    const targetOf = (mention: FoundMention): CardTarget => ({
      id: scanner.idOf(mention),
      surface: mention.surface,
      anchor: mention.range,
      alternatives: (mention.alternatives ?? []).map((e) => index.ids[e]!),
    });

    const intent: HoverIntent<FoundMention> = new HoverIntent<FoundMention>({
      open: (mention) => {
        highlights.setActive(mention.range);
        void controller.show(targetOf(mention), undefined, () => intent.current === mention).catch((err: unknown) => {
          console.warn('[ai-atlas] could not show the card', err);
        });
      },
      close: () => {
        highlights.setActive(undefined);
        card.hide();
      },
    });

    let frame = 0;
    let last: PointerEvent | undefined;
    document.addEventListener(
      'pointermove',
      (event) => {
        last = event;
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          const e = last!;
          const inCard = card.contains(e.composedPath()[0] ?? null) || card.contains(e.target);
          intent.update(inCard ? undefined : mentionAtPoint(document, e.clientX, e.clientY, (n) => scanner.mentionsIn(n)), inCard);
        });
      },
      { passive: true },
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') intent.closeNow();
    });
    document.addEventListener('pointerdown', (e) => {
      if (card.contains(e.target)) {
        intent.pin();
        return;
      }
      // A click on a name pins its card; a click anywhere else closes it.
      const mention = mentionAtPoint(document, e.clientX, e.clientY, (n) => scanner.mentionsIn(n));
      if (mention) intent.pin(mention);
      else intent.closeNow();
    });
    void sendToBackground({ type: 'dataset/info' })
      .then((info) => {
        if (info) controller.datasetVersion = info.version;
      })
      .catch(() => undefined);
  },
});
