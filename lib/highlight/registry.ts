import type { EntityType } from '../data/schema';

/** Stable hook: every highlight this extension registers has a name starting with this prefix. */
export const HIGHLIGHT_PREFIX = 'ai-atlas';
export const highlightName = (type: EntityType) => `${HIGHLIGHT_PREFIX}-${type}`;
/** The mention under the pointer or in the open card. */
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-active`;

const TYPE_COLORS: Record<EntityType, string> = {
  place: '47, 128, 237',
  park: '16, 160, 120',
  company: '224, 120, 20',
  policy: '150, 80, 220',
  org: '110, 120, 135',
};

/** Quiet marks: a faint tint and a thin underline in the type's colour; the page's own text colour is kept. */
export function highlightCss(): string {
  const rules = (Object.keys(TYPE_COLORS) as EntityType[]).map(
    (type) =>
      `::highlight(${highlightName(type)}) { background-color: rgba(${TYPE_COLORS[type]}, 0.12); ` +
      `text-decoration: underline 1px rgba(${TYPE_COLORS[type]}, 0.85); text-underline-offset: 3px; }`,
  );
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.38); }`);
  return rules.join('\n');
}

/**
 * The ::highlight() rules must live in the page's document (a shadow root's sheet does not reach page text).
 * A constructed sheet is adopted so that the page's DOM is not touched; a <style> element is the fallback.
 */
export function installHighlightStyles(doc: Document): () => void {
  const css = highlightCss();
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-ai-atlas-ui', '');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

/** Owns this extension's entries in CSS.highlights: one Highlight per entity type plus the active one. */
export class HighlightRegistry {
  private readonly byType = new Map<EntityType, Highlight>();
  private readonly active = new Highlight();

  constructor(private readonly registry: HighlightRegistry_ = CSS.highlights) {
    this.active.priority = 1;
    this.registry.set(ACTIVE_HIGHLIGHT, this.active);
  }

  add(type: EntityType, range: AbstractRange): void {
    let highlight = this.byType.get(type);
    if (!highlight) {
      highlight = new Highlight();
      this.byType.set(type, highlight);
      this.registry.set(highlightName(type), highlight);
    }
    highlight.add(range);
  }

  remove(type: EntityType, range: AbstractRange): void {
    this.byType.get(type)?.delete(range);
  }

  setActive(range: AbstractRange | undefined): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  clear(): void {
    for (const type of this.byType.keys()) this.registry.delete(highlightName(type));
    this.byType.clear();
    this.registry.delete(ACTIVE_HIGHLIGHT);
  }
}

type HighlightRegistry_ = typeof CSS.highlights;
