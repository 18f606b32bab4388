import type { EntityRecord } from '@/lib/data/bundle';
import type { RelatedLink } from '@/lib/messages/protocol';
import { sendToBackground } from '@/lib/messages/transport';
import { msg } from '@/lib/i18n/messages';
import { entityAsText } from '@/lib/text/entity-text';
import { languageOf, type UiLanguage } from '@/lib/text/labels';
import type { CardAction } from './EntityCard';
import type { CardHost } from './card-host';

/** What the controller needs to know about the mention under the pointer. */
export interface CardTarget {
  id: string;
  surface: string;
  anchor: Range;
  /** Other entities the same name can mean. */
  alternatives: string[];
}

/**
 * Fills the page's card: fetches the entity and its relations from the background (cached per page), offers the
 * candidates of an ambiguous name and remembers the reader's choice for this page, and walks to related entities.
 */
export class CardController {
  private readonly entities = new Map<string, Promise<EntityRecord | null>>();
  private readonly related = new Map<string, Promise<RelatedLink[]>>();
  /** surface text → the entity the reader chose for it on this page. */
  private readonly choices = new Map<string, string>();
  /** The bundled name index's version, until the background says which dataset it holds. */
  datasetVersion: string | undefined;
  /** Asked of the background with the first card, not at page start-up: most pages never show a card. */
  private askedDatasetInfo = false;
  /** The reader's UI language setting; 'auto' lets the card speak the language of the name pointed at. */
  languageSetting: 'auto' | UiLanguage = 'auto';

  constructor(
    private readonly host: CardHost,
    private readonly doc: Document,
    private readonly onPin: () => void,
    /** Save the sentence around the mention as a clipping. */
    private readonly onClip?: (anchor: Range) => void,
  ) {}

  /** The entity a mention stands for, after the reader's choice on this page. */
  chosen(target: CardTarget): string {
    return this.choices.get(target.surface) ?? target.id;
  }

  async show(target: CardTarget, idOverride?: string, isCurrent: () => boolean = () => true): Promise<void> {
    const id = idOverride ?? this.chosen(target);
    // Not awaited: the card shows the bundled index's version until the answer comes (they are the same dataset
    // unless an update is half-way), and the card waits for nothing it does not need.
    if (!this.askedDatasetInfo) {
      this.askedDatasetInfo = true;
      void sendToBackground({ type: 'dataset/info' }).then(
        (info) => {
          if (info) this.datasetVersion = info.version;
        },
        () => undefined,
      );
    }
    const [entity, related] = await Promise.all([this.entity(id), this.relatedOf(id).catch(() => [])]);
    if (!entity || !isCurrent()) return;
    const candidates = [target.id, ...target.alternatives].filter((c) => c !== id);
    const candidateRecords = candidates.length
      ? (await Promise.all(candidates.map((c) => this.entity(c)))).filter((e): e is EntityRecord => !!e)
      : [];
    if (!isCurrent()) return;
    const lang: UiLanguage =
      this.languageSetting !== 'auto'
        ? this.languageSetting
        : languageOf(target.surface) === 'zh' || this.doc.documentElement.lang.startsWith('zh')
          ? 'zh'
          : 'en';
    const traditional = entity.names.aliases.some((a) => a.lang === 'zh-Hant' && a.text === target.surface);
    const actions: CardAction[] = [
      {
        id: 'copy',
        label: msg('copy_with_sources', lang),
        run: () => void navigator.clipboard?.writeText(entityAsText(entity, lang)).catch(() => undefined),
      },
      ...(this.onClip
        ? [{ id: 'save-clipping', label: msg('save_clipping', lang), run: () => this.onClip!(target.anchor) }]
        : []),
      {
        id: 'open-fact-sheet',
        label: msg('open_in_fact_sheet', lang),
        run: () => void sendToBackground({ type: 'ui/openFactSheet', entityId: entity.id }).catch(() => undefined),
      },
    ];
    await this.host.show({
      anchor: target.anchor,
      card: {
        entity,
        lang,
        traditional,
        datasetVersion: this.datasetVersion,
        related,
        actions,
        candidates: candidateRecords.map((e) => ({ id: e.id, display: e.names.display })),
        onChoose: (chosen) => {
          this.choices.set(target.surface, chosen);
          this.onPin();
          void this.show(target, chosen);
        },
        onOpen: (next) => {
          this.onPin();
          void this.show({ ...target, id: next, alternatives: [] }, next);
        },
      },
    });
  }

  private entity(id: string): Promise<EntityRecord | null> {
    let p = this.entities.get(id);
    if (!p) {
      p = sendToBackground({ type: 'entity/get', id });
      p.catch(() => this.entities.delete(id));
      this.entities.set(id, p);
    }
    return p;
  }

  private relatedOf(id: string): Promise<RelatedLink[]> {
    let p = this.related.get(id);
    if (!p) {
      p = sendToBackground({ type: 'entity/related', id });
      p.catch(() => this.related.delete(id));
      this.related.set(id, p);
    }
    return p;
  }
}
