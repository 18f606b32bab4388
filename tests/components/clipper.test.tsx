// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Clipper } from '@/components/Clipper';

describe('Clipper editor', () => {
  it('shows a storage error and keeps what the reader typed', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let attempts = 0;
    await act(() =>
      render(
        <Clipper
          mode="editor"
          lang="en"
          draft={{ quote: '苏州工业园区成立ITBT融合创新中心', entities: [{ id: 'park-suzhou-industrial-park', label: '苏州工业园区' }] }}
          onOpen={() => undefined}
          onCancel={() => undefined}
          onSave={async () => {
            attempts++;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }}
        />,
        root,
      ),
    );
    const note = root.querySelector<HTMLTextAreaElement>('[data-testid="clipping-note"]')!;
    await act(() => {
      note.value = 'my unsaved note';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="save-clipping"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(attempts).toBe(1);
    expect(root.querySelector('[data-testid="clip-error"]')?.textContent).toMatch(/Not saved: .*quota has been exceeded/);
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="clipping-note"]')!.value).toBe('my unsaved note');
    expect(root.querySelector('[data-entity-id="park-suzhou-industrial-park"]')).not.toBeNull();
  });
});
