import { useState } from 'preact/hooks';
import { msg, type MessageKey } from '@/lib/i18n/messages';
import type { UiLanguage } from '@/lib/text/labels';

export interface ClipDraft {
  quote: string;
  entities: { id: string; label: string }[];
}

export interface ClipperProps {
  mode: 'button' | 'editor';
  draft: ClipDraft;
  lang: UiLanguage;
  onOpen: () => void;
  onSave: (note: string, tags: string) => Promise<void>;
  onCancel: () => void;
}

/** The small "clip" button near a selection, and the editor it opens. Stable hooks: clip-button, clipping-note, save-clipping. */
export function Clipper(props: ClipperProps) {
  const t = (key: MessageKey, ...subs: string[]) => msg(key, props.lang, ...subs);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  if (props.mode === 'button') {
    return (
      <button type="button" class="clip-button" data-testid="clip-button" onClick={props.onOpen} title={t('save_as_a_clipping_alt_shift_s')}>
        ✂ {t('clip')}
      </button>
    );
  }
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await props.onSave(note, tags);
    } catch (err) {
      // The note stays in the editor: nothing the reader typed is lost when storage fails.
      setError(`${t('not_saved')}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      class="clip-editor"
      data-testid="clip-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <blockquote class="clip-quote">{props.draft.quote.length > 280 ? `${props.draft.quote.slice(0, 280)}…` : props.draft.quote}</blockquote>
      {props.draft.entities.length > 0 && (
        <p class="clip-entities">
          {props.draft.entities.map((e) => (
            <span class="chip" key={e.id} data-entity-id={e.id}>
              {e.label}
            </span>
          ))}
        </p>
      )}
      <textarea
        data-testid="clipping-note"
        aria-label={t('note')}
        placeholder={t('your_note')}
        value={note}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        rows={3}
      />
      <input
        data-testid="clipping-tags"
        aria-label={t('tags')}
        placeholder={t('tags_separated_by_commas')}
        value={tags}
        onInput={(e) => setTags((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="clip-error" role="alert" data-testid="clip-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" data-testid="save-clipping" disabled={saving}>
          {t('save_clipping')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
