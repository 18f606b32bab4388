// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferredHighlightStyles, highlightCss } from '@/lib/highlight/registry';

/** The rules of a stylesheet's text, comments and spacing aside. */
const rules = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Our sheets in the document (jsdom has no constructed sheets, so the <style> fallback is what is added). */
const ourSheets = () => [...document.querySelectorAll('style[data-ai-atlas-ui]')].map((s) => s.textContent ?? '');

describe('highlight styles', () => {
  it('ships the default style in the content script’s CSS file, rule for rule', () => {
    const file = readFileSync(join(process.cwd(), 'entrypoints/content/highlights.css'), 'utf8');
    expect(rules(file)).toEqual(rules(highlightCss()));
  });

  it('adds no sheet for the default style, even once marks are painted', () => {
    const styles = deferredHighlightStyles(document, 'underline');
    styles.ensure();
    expect(ourSheets()).toEqual([]);
    styles.remove();
  });

  it('puts a chosen style over the default once the first mark is painted, and takes it away again', () => {
    const styles = deferredHighlightStyles(document, 'background');
    expect(ourSheets()).toEqual([]);
    styles.ensure();
    expect(ourSheets()).toHaveLength(1);
    expect(ourSheets()[0]).toContain('::highlight(ai-atlas-company) { background-color: rgba(224, 120, 20, 0.22); text-decoration: none; }');
    styles.setStyle('none');
    expect(ourSheets()).toHaveLength(1);
    expect(ourSheets()[0]).toContain('::highlight(ai-atlas-company) { background-color: transparent; text-decoration: none; }');
    styles.setStyle('underline');
    expect(ourSheets()).toEqual([]);
    styles.setStyle('background');
    expect(ourSheets()).toHaveLength(1);
    styles.remove();
    expect(ourSheets()).toEqual([]);
  });
});
