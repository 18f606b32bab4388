import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { OWN_UI_ATTRIBUTE } from '@/lib/dom/text-blocks';
import { EntityCard, type EntityCardProps } from './EntityCard';
import cardCss from './entity-card.css?inline';

/** Gap between the mention and the card. */
const CARD_OFFSET_PX = 6;
/** The card never comes closer than this to the viewport's edge. */
const VIEWPORT_PADDING_PX = 8;
/** The card never shrinks below this (about five lines): on a tiny viewport it overlaps the name rather than vanish. */
const CARD_MIN_HEIGHT_PX = 120;

export interface ShowOptions {
  card: EntityCardProps;
  anchor: Range;
}

/**
 * The card's host element: a custom element at the end of <html>, with an open shadow root so page CSS can't
 * reach the card (and tests can). Created on first use.
 */
export class CardHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;
  private live: HTMLElement | undefined;

  constructor(private readonly doc: Document) {}

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  private ensure(): HTMLElement {
    if (this.mount) return this.mount;
    const host = this.doc.createElement('ai-atlas-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    host.hidden = true;
    // Inline and important: page rules aimed at unknown elements must not move or hide the card.
    host.style.cssText = 'position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    const mount = this.doc.createElement('div');
    // Keyboard navigation is announced here: screen readers read the name and its type as the card opens.
    const live = this.doc.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('data-testid', 'announcer');
    live.className = 'sr-only';
    shadow.append(style, mount, live);
    this.live = live;
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }

  async show(options: ShowOptions): Promise<void> {
    const mount = this.ensure();
    render(<EntityCard {...options.card} />, mount);
    const host = this.host!;
    host.hidden = false;
    const anchor = options.anchor;
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(CARD_OFFSET_PX),
        flip({ padding: VIEWPORT_PADDING_PX }),
        // On a short viewport (a zoomed page) the card takes the room there is beside the name and scrolls.
        size({
          padding: VIEWPORT_PADDING_PX,
          apply: ({ availableHeight }) =>
            host.style.setProperty('--card-max-height', `${Math.max(CARD_MIN_HEIGHT_PX, Math.floor(availableHeight))}px`),
        }),
        shift({ padding: VIEWPORT_PADDING_PX }),
      ],
    });
    host.style.setProperty('transform', `translate(${Math.round(x)}px, ${Math.round(y)}px)`, 'important');
  }

  announce(text: string): void {
    this.ensure();
    this.host!.hidden = false;
    if (this.live) this.live.textContent = text;
  }

  hide(): void {
    if (!this.host || !this.mount) return;
    this.host.hidden = true;
    render(null, this.mount);
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
  }
}
