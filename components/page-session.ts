import { ENTITY_TYPES } from '@/lib/data/schema';
import { visibleSpan } from '@/lib/dom/viewport';
import { LazyHighlighter } from '@/lib/highlight/lazy-highlighter';
import { deferredHighlightStyles, HighlightRegistry } from '@/lib/highlight/registry';
import { mentionAtPoint } from '@/lib/hover/hit-test';
import { HoverIntent } from '@/lib/hover/hover-intent';
import { sendToBackground, serveMessages } from '@/lib/messages/transport';
import { watchDom } from '@/lib/scan/dom-watcher';
import { defaultScheduler } from '@/lib/scan/idle-scheduler';
import type { FoundMention } from '@/lib/scan/page-mention';
import { PageScanner } from '@/lib/scan/page-scanner';
import { intersectionAheadWatcher, intersectionWatcher } from '@/lib/scan/viewport-watchers';
import { yieldToPage } from '@/lib/scan/yield-to-page';
import { isActiveOn, toggleSite, type Settings } from '@/lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { TYPE_LABELS } from '@/lib/text/labels';
import { CardController, type CardTarget } from './card-controller';
import { CardHost } from './card-host';
import { ClippingSession } from './clipping-session';

/** How long "jump to" flashes the mention it scrolled to. */
const FLASH_MS = 1500;

/**
 * One page's AI Atlas: scanning and marks, the hover card, keyboard navigation and the answers to the popup,
 * all following the reader's settings as they change.
 */
export async function startPageSession(doc: Document, datasetVersion: string): Promise<void> {
  const body = doc.body;
  let settings: Settings = await loadSettings();
  const styles = deferredHighlightStyles(doc, settings.markStyle);
  const registry = new HighlightRegistry(CSS.highlights, styles.ensure);
  const painter = new LazyHighlighter(registry);
  const hiddenTypes = (s: Settings) => ENTITY_TYPES.filter((t) => s.types[t] === false);
  painter.setHiddenTypes(hiddenTypes(settings));
  // Start-up runs as two tasks (settings, then the rest), so that neither is long.
  await yieldToPage();
  // The names are matched in the background (see TextMatcher): the page holds no name index.
  const matcher = (texts: string[]) => sendToBackground({ type: 'match/texts', texts });
  const scanner = new PageScanner(body, matcher, painter, defaultScheduler, intersectionWatcher, intersectionAheadWatcher);
  let active = isActiveOn(settings, location.href);
  if (active) void scanner.scan(body, visibleSpan);
  watchDom(body, ({ nodes, navigated }) => {
    if (!active) return;
    if (navigated) {
      scanner.reset();
      void scanner.scan(body, visibleSpan);
    } else {
      void scanner.rescan(nodes);
    }
  });

  const clippings = new ClippingSession(doc, body, registry, scanner);
  clippings.start();

  const card = new CardHost(doc);
  const controller = new CardController(
    card,
    doc,
    () => intent.pin(),
    (anchor) => {
      intent.closeNow();
      clippings.clipSentenceAround(anchor);
    },
  );
  controller.datasetVersion = datasetVersion;
  controller.languageSetting = settings.language;
  const targetOf = (mention: FoundMention): CardTarget => ({
    id: scanner.idOf(mention),
    surface: mention.surface,
    anchor: mention.range,
    alternatives: (mention.alternatives ?? []).map((e) => scanner.idOfEntity(e)),
  });
  const intent: HoverIntent<FoundMention> = new HoverIntent<FoundMention>(
    {
      open: (mention) => {
        registry.setActive(mention.range);
        void controller.show(targetOf(mention), undefined, () => intent.current === mention).catch((err: unknown) => {
          console.warn('[ai-atlas] could not show the card', err);
        });
      },
      close: () => {
        registry.setActive(undefined);
        card.hide();
      },
    },
    settings.hoverDelayMs,
  );

  const apply = (next: Settings) => {
    const wasActive = active;
    settings = next;
    active = isActiveOn(settings, location.href);
    styles.setStyle(settings.markStyle);
    painter.setHiddenTypes(hiddenTypes(settings));
    intent.openDelay = settings.hoverDelayMs;
    controller.languageSetting = settings.language;
    if (wasActive && !active) {
      intent.closeNow();
      scanner.reset();
    } else if (!wasActive && active) {
      void scanner.scan(body, visibleSpan);
    }
  };
  watchSettings(apply);

  // Keyboard navigation: the card opens on the mention and a live region announces it.
  let cursor = -1;
  const goTo = (mention: FoundMention, position: number, total: number) => {
    (mention.range.startContainer.parentElement ?? body).scrollIntoView({ block: 'center' });
    intent.pin(mention);
    const type = TYPE_LABELS[scanner.typeOf(mention)];
    card.announce(`${mention.surface}, ${doc.documentElement.lang.startsWith('zh') ? type.zh : type.en}, ${position} / ${total}`);
  };
  const step = async (delta: 1 | -1) => {
    await scanner.scanAll();
    const list = scanner.ordered();
    if (!list.length) return;
    const current = intent.current ? list.indexOf(intent.current) : -1;
    cursor = ((current >= 0 ? current : cursor) + delta + list.length) % list.length;
    goTo(list[cursor]!, cursor + 1, list.length);
  };

  if (window.top === window) {
    serveMessages({
      'page/mentions': () => {
        // The popup lists the whole page: text far from the reader is read now, and the popup polls until done.
        if (active) void scanner.scanAll();
        return { url: location.href, complete: scanner.complete, active, mentions: active ? scanner.summary() : [] };
      },
      'page/command': async ({ command }) => {
        if (command === 'toggle-site') await saveSettings(toggleSite(settings, location.href));
        else if (command === 'save-clipping') clippings.openEditor();
        else await step(command === 'next-mention' ? 1 : -1);
        return null;
      },
      'page/clippings': () => clippings.status(),
      'page/jumpTo': async ({ id }) => {
        await scanner.scanAll();
        const list = scanner.ordered().filter((m) => scanner.idOf(m) === id);
        if (!list.length) return false;
        const after = list.find((m) => intent.current && m.range.compareBoundaryPoints(Range.START_TO_START, intent.current.range) > 0);
        const target = after ?? list[0]!;
        (target.range.startContainer.parentElement ?? body).scrollIntoView({ block: 'center' });
        intent.closeNow();
        registry.setActive(target.range);
        setTimeout(() => registry.setActive(undefined), FLASH_MS);
        return true;
      },
    });
  }

  let frame = 0;
  let last: PointerEvent | undefined;
  doc.addEventListener(
    'pointermove',
    (event) => {
      last = event;
      if (frame || !active) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const e = last!;
        const inCard = card.contains(e.composedPath()[0] ?? null) || card.contains(e.target);
        intent.update(inCard ? undefined : mentionAtPoint(doc, e.clientX, e.clientY, (n) => scanner.mentionsIn(n)), inCard);
      });
    },
    { passive: true },
  );
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') intent.closeNow();
  });
  const mentionAt = (e: MouseEvent) => (active ? mentionAtPoint(doc, e.clientX, e.clientY, (n) => scanner.mentionsIn(n)) : undefined);
  doc.addEventListener('pointerdown', (e) => {
    if (card.contains(e.target)) {
      intent.pin();
      return;
    }
    // Anywhere but a name closes the card; a name may be the start of a click (pins) or of a selection.
    if (!mentionAt(e)) intent.closeNow();
  });
  doc.addEventListener('click', (e) => {
    if (card.contains(e.target) || !doc.getSelection()?.isCollapsed) return;
    const mention = mentionAt(e);
    if (mention) intent.pin(mention);
  });
}
