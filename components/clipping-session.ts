import { anchorQuote, describeRange } from '@/lib/clippings/anchoring';
import { pageKey, parseTags, type Clipping } from '@/lib/clippings/schema';
import { offsetOf, rangeOf, readPageText } from '@/lib/dom/page-text';
import { isInsideSkipped } from '@/lib/dom/text-blocks';
import { sentenceAround } from '@/lib/text/sentence';
import type { HighlightRegistry } from '@/lib/highlight/registry';
import { sendToBackground } from '@/lib/messages/transport';
import type { PageScanner } from '@/lib/scan/page-scanner';
import { languageOf } from '@/lib/text/labels';
import type { ClipDraft } from './Clipper';
import { ClipperHost } from './clipper-host';

/** Wait for the selection to settle (a drag in progress fires many events) before offering the clip button. */
const SELECTION_SETTLE_MS = 200;
/** A link to a clipping: clippings.html opens the page with this fragment to scroll to it. */
export const CLIPPING_FRAGMENT = '#ai-atlas-clipping=';

interface Pending {
  range: Range;
  start: number;
  end: number;
  text: string;
  draft: ClipDraft;
}

/**
 * Saving passages on a page and finding saved ones again: the clip button near a selection, the editor, the
 * save through the background, and re-anchoring (marked as ai-atlas-clipping) when the page is read.
 */
export class ClippingSession {
  private readonly host: ClipperHost;
  private pending: Pending | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private anchored: { id: string; found: boolean }[] = [];

  constructor(
    private readonly doc: Document,
    private readonly body: HTMLElement,
    private readonly registry: HighlightRegistry,
    private readonly scanner: PageScanner,
  ) {
    this.host = new ClipperHost(doc);
  }

  start(): void {
    this.doc.addEventListener('selectionchange', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.onSelection(), SELECTION_SETTLE_MS);
    });
    this.doc.addEventListener('pointerdown', (e) => {
      if (!this.host.contains(e.target) && this.host.isOpen && !this.pending) this.host.hide();
    });
    void this.reanchor();
  }

  /** Which of the page's clippings were found again (for the popup). */
  status(): { id: string; found: boolean }[] {
    return this.anchored;
  }

  /** The keyboard command: open the editor on the current selection. */
  openEditor(): void {
    const pending = this.capture();
    if (pending) void this.showEditor(pending);
  }

  private lang() {
    return this.doc.documentElement.lang.startsWith('zh') || languageOf(this.pending?.text ?? '') === 'zh' ? 'zh' : 'en';
  }

  /** The card's "save a clipping": the sentence around a mention, in the editor. */
  clipSentenceAround(mention: Range): void {
    const pt = readPageText(this.body);
    const at = offsetOf(pt, mention.startContainer, mention.startOffset);
    if (at === undefined) return;
    const [start, end] = sentenceAround(pt.text, at);
    const range = rangeOf(pt, start, end);
    const pending = range && this.pendingFor(range, pt);
    if (pending) void this.showEditor(pending);
  }

  /** The reader's selection if it is clippable page text; cheap, so it can run on every selection change. */
  private selectedRange(): Range | undefined {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
    const range = selection.getRangeAt(0);
    if (!this.isClippable(range) || !range.toString().trim()) return undefined;
    return range.cloneRange();
  }

  private isClippable(range: Range): boolean {
    return this.body.contains(range.commonAncestorContainer) && !isInsideSkipped(range.commonAncestorContainer, this.body);
  }

  /** The selection as a clipping draft: the page's text is read only now, when the reader asks to clip. */
  private capture(range = this.selectedRange()): Pending | undefined {
    return range && this.pendingFor(range, readPageText(this.body));
  }

  private pendingFor(range: Range, pt: ReturnType<typeof readPageText>): Pending | undefined {
    if (!this.isClippable(range)) return undefined;
    const start = offsetOf(pt, range.startContainer, range.startOffset);
    const end = offsetOf(pt, range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start) return undefined;
    const text = pt.text.slice(start, end);
    if (!text.trim()) return undefined;
    const entities = new Map<string, string>();
    for (const m of this.scanner.ordered()) {
      const inside =
        range.compareBoundaryPoints(Range.START_TO_START, m.range) <= 0 && range.compareBoundaryPoints(Range.END_TO_END, m.range) >= 0;
      if (inside) entities.set(this.scanner.idOf(m), m.surface);
    }
    return { range: range.cloneRange(), start, end, text, draft: { quote: text, entities: [...entities].map(([id, label]) => ({ id, label })) } };
  }

  private onSelection(): void {
    if (this.pending && this.host.isOpen) return; // the editor is open: keep its passage
    const range = this.selectedRange();
    if (!range) {
      this.host.hide();
      return;
    }
    const end = range.cloneRange();
    end.collapse(false);
    const rect = end.getBoundingClientRect();
    void this.host.show(
      {
        mode: 'button',
        draft: { quote: '', entities: [] },
        lang: this.lang(),
        onOpen: () => {
          const pending = this.capture(range);
          if (pending) void this.showEditor(pending);
        },
        onSave: async () => undefined,
        onCancel: () => this.host.hide(),
      },
      { getBoundingClientRect: () => rect },
    );
  }

  private async showEditor(pending: Pending): Promise<void> {
    this.pending = pending;
    const rect = pending.range.getBoundingClientRect();
    await this.host.show(
      {
        mode: 'editor',
        draft: pending.draft,
        lang: this.lang(),
        onOpen: () => undefined,
        onSave: async (note, tags) => {
          const clipping = this.build(pending, note, tags);
          await sendToBackground({ type: 'clipping/save', clipping });
          this.registry.addClipping(pending.range);
          this.anchored = [...this.anchored, { id: clipping.id, found: true }];
          this.pending = undefined;
          this.host.hide();
        },
        onCancel: () => {
          this.pending = undefined;
          this.host.hide();
        },
      },
      { getBoundingClientRect: () => rect },
    );
  }

  private build(pending: Pending, note: string, tags: string): Clipping {
    const pt = readPageText(this.body);
    const [quote, position] = describeRange(pt.text, pending.start, pending.end);
    const now = new Date().toISOString();
    return {
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      url: pageKey(location.href),
      title: this.doc.title.slice(0, 1000),
      site: location.hostname,
      quote,
      position,
      note,
      tags: parseTags(tags),
      entityIds: pending.draft.entities.map((e) => e.id),
    };
  }

  /** Find the page's saved clippings in its current text; those not found are reported, never dropped. */
  async reanchor(): Promise<void> {
    const clippings = await sendToBackground({ type: 'clipping/forPage', url: location.href }).catch(() => [] as Clipping[]);
    if (!clippings.length) return;
    const pt = readPageText(this.body);
    const status: { id: string; found: boolean }[] = [];
    const wanted = location.hash.startsWith(CLIPPING_FRAGMENT) ? decodeURIComponent(location.hash.slice(CLIPPING_FRAGMENT.length)) : '';
    for (const c of clippings) {
      const anchor = anchorQuote(pt.text, c.quote, c.position);
      const range = anchor ? rangeOf(pt, anchor.start, anchor.end) : undefined;
      if (range) {
        this.registry.addClipping(range);
        if (c.id === wanted) (range.startContainer.parentElement ?? this.body).scrollIntoView({ block: 'center' });
      }
      status.push({ id: c.id, found: !!range });
    }
    this.anchored = status;
  }
}
