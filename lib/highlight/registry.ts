import type { EntityType } from '../data/schema';
import type { MarkStyle } from '../settings/settings';

/** Stable hook: every highlight this extension registers has a name starting with this prefix. */
export const HIGHLIGHT_PREFIX = 'ai-atlas';
export const highlightName = (type: EntityType) => `${HIGHLIGHT_PREFIX}-${type}`;
/** Stable hook: re-anchored clippings. */
export const CLIPPING_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-clipping`;
/** The mention under the pointer or in the open card. */
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-active`;

const TYPE_COLORS: Record<EntityType, string> = {
  place: '47, 128, 237',
  park: '16, 160, 120',
  company: '224, 120, 20',
  policy: '150, 80, 220',
  org: '110, 120, 135',
};

/** The mark style the content script's own CSS file (entrypoints/content/highlights.css) paints. */
export const DEFAULT_MARK_STYLE: MarkStyle = 'underline';

/**
 * Quiet marks in the type's colour, the page's own text colour kept: a thin underline (default), a faint tint,
 * or nothing until hovered ("none": only the active mark shows). Every rule sets both properties, so a sheet of
 * another style fully overrides the default one.
 */
export function highlightCss(style: MarkStyle = DEFAULT_MARK_STYLE): string {
  const rules = (Object.keys(TYPE_COLORS) as EntityType[]).map((type) => {
    const c = TYPE_COLORS[type];
    const body =
      style === 'underline'
        ? `background-color: rgba(${c}, 0.1); text-decoration: underline 1px rgba(${c}, 0.85); text-underline-offset: 3px;`
        : style === 'background'
          ? `background-color: rgba(${c}, 0.22); text-decoration: none;`
          : 'background-color: transparent; text-decoration: none;';
    return `::highlight(${highlightName(type)}) { ${body} }`;
  });
  rules.push(`::highlight(${CLIPPING_HIGHLIGHT}) { background-color: rgba(255, 225, 60, 0.45); }`);
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.38); }`);
  return rules.join('\n');
}

export interface HighlightStyles {
  setStyle(style: MarkStyle): void;
  remove(): void;
}

/**
 * The ::highlight() rules must live in the page's document (a shadow root's sheet does not reach page text).
 * A constructed sheet is adopted so that the page's DOM is not touched; a <style> element is the fallback.
 */
export function installHighlightStyles(doc: Document, style: MarkStyle = DEFAULT_MARK_STYLE): HighlightStyles {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(style));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      setStyle: (s) => sheet.replaceSync(highlightCss(s)),
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== sheet);
      },
    };
  } catch {
    const el = doc.createElement('style');
    el.setAttribute('data-ai-atlas-ui', '');
    el.textContent = highlightCss(style);
    (doc.head ?? doc.documentElement).append(el);
    return { setStyle: (s) => void (el.textContent = highlightCss(s)), remove: () => el.remove() };
  }
}

/**
 * The default style's rules arrive with the content script's CSS file, which the browser adds before the page is
 * first styled: they cost no restyle, where a sheet adopted later restyles the whole page (about 20 ms on a long
 * one). Only a reader who chose another style gets a sheet over them, adopted when the first mark is about to be
 * painted, as most pages a reader visits have nothing to mark.
 */
export function deferredHighlightStyles(doc: Document, style: MarkStyle = DEFAULT_MARK_STYLE): HighlightStyles & { ensure(): void } {
  let installed: HighlightStyles | undefined;
  let current = style;
  let painting = false;
  const sync = () => {
    if (!painting) return;
    if (current === DEFAULT_MARK_STYLE) {
      installed?.remove();
      installed = undefined;
    } else if (installed) installed.setStyle(current);
    else installed = installHighlightStyles(doc, current);
  };
  return {
    ensure: () => {
      if (painting) return;
      painting = true;
      sync();
    },
    setStyle: (s) => {
      current = s;
      sync();
    },
    remove: () => {
      installed?.remove();
      installed = undefined;
      painting = false;
    },
  };
}

/** Owns this extension's entries in CSS.highlights: one Highlight per entity type plus the active one. */
export class HighlightRegistry {
  private readonly byType = new Map<EntityType, Highlight>();
  private readonly active = new Highlight();

  constructor(
    private readonly registry: HighlightRegistry_ = CSS.highlights,
    /** Called before a mark is first painted (with deferredHighlightStyles: installs the styles). */
    private readonly beforePaint: () => void = () => undefined,
  ) {
    this.active.priority = 1;
  }

  add(type: EntityType, range: AbstractRange): void {
    let highlight = this.byType.get(type);
    if (!highlight) {
      this.beforePaint();
      highlight = new Highlight();
      this.byType.set(type, highlight);
      this.registry.set(highlightName(type), highlight);
    }
    highlight.add(range);
  }

  remove(type: EntityType, range: AbstractRange): void {
    this.byType.get(type)?.delete(range);
  }

  /** The page's re-anchored clippings, all at once (few, and each one wanted visible). */
  addClipping(range: AbstractRange): void {
    let h = this.registry.get(CLIPPING_HIGHLIGHT);
    if (!h) {
      this.beforePaint();
      h = new Highlight();
      this.registry.set(CLIPPING_HIGHLIGHT, h);
    }
    h.add(range);
  }

  setActive(range: AbstractRange | undefined): void {
    this.active.clear();
    if (range) {
      if (!this.registry.has(ACTIVE_HIGHLIGHT)) {
        this.beforePaint();
        this.registry.set(ACTIVE_HIGHLIGHT, this.active);
      }
      this.active.add(range);
    }
  }
}

type HighlightRegistry_ = typeof CSS.highlights;
