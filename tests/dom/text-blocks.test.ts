// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectTextBlocks, rangeFor, TextBlockWalker } from '@/lib/dom/text-blocks';

function blocksOf(html: string) {
  document.body.innerHTML = html;
  return collectTextBlocks(document.body);
}

describe('collectTextBlocks', () => {
  it('joins inline elements into one block and maps offsets back to DOM ranges', () => {
    const [block] = blocksOf('<p>在<b>苏</b>州<a href="#">工业</a>园区</p>');
    expect(block!.text).toBe('在苏州工业园区');
    const range = rangeFor(block!, 1, 7);
    expect(range.toString()).toBe('苏州工业园区');
    expect(range.startContainer.textContent).toBe('苏');
    expect(range.endContainer.textContent).toBe('园区');
  });

  it('splits at block elements and <br>, so nothing matches across them', () => {
    const texts = blocksOf('<div>苏<p>州</p>杭<br>州</div><ul><li>北京</li><li>上海</li></ul>').map((b) => b.text);
    expect(texts).toEqual(['苏', '州', '杭', '州', '北京', '上海']);
  });

  it('skips form fields, editable regions, scripts, styles and the extension’s own UI', () => {
    const texts = blocksOf(
      '<p>正文苏州</p><textarea>苏州</textarea><input value="苏州"><div contenteditable="true">苏州<b>杭州</b></div>' +
        '<script>var a="苏州"</script><style>.a{}</style><noscript>苏州</noscript><div data-ai-atlas-ui>苏州</div>',
    ).map((b) => b.text);
    expect(texts).toEqual(['正文苏州']);
  });
});

describe('TextBlockWalker', () => {
  it('hands out blocks one at a time, and after its place is removed starts over without repeating a block', () => {
    document.body.innerHTML = '<p id="a">北京</p><p id="b">上海</p><p id="c">杭州</p><p id="d">苏州</p>';
    const walker = new TextBlockWalker(document.body);
    expect(walker.next()!.text).toBe('北京');
    // The walk has looked ahead into the next block: remove it (the page changed between idle slices).
    document.getElementById('b')!.remove();
    document.body.insertAdjacentHTML('afterbegin', '<p>深圳</p>');
    const rest: string[] = [];
    for (let block = walker.next(); block; block = walker.next()) rest.push(block.text);
    // The restarted walk passes over 北京 (handed out already) and reads 深圳, new text above it, once.
    expect(rest).toEqual(['深圳', '杭州', '苏州']);
    expect(walker.done).toBe(true);
    expect(walker.next()).toBeUndefined();
  });

  it('reads the block it had begun afresh if its text changed between calls', () => {
    document.body.innerHTML = '<p id="a">北京</p><p id="b">上<b>海</b></p>';
    const walker = new TextBlockWalker(document.body);
    expect(walker.next()!.text).toBe('北京'); // and has begun on 上海
    document.querySelector('#b')!.firstChild!.textContent = '在上';
    const block = walker.next()!;
    expect(block.text).toBe('在上海');
    expect(rangeFor(block, 1, 3).toString()).toBe('上海');
  });

  it('reads the same blocks as collecting them all at once', () => {
    const html = '<div>苏<p>州</p>杭<br>州</div><ul><li>北京</li><li>上<b>海</b></li></ul>';
    document.body.innerHTML = html;
    const all = collectTextBlocks(document.body).map((b) => b.text);
    const walker = new TextBlockWalker(document.body);
    const one: string[] = [];
    for (let block = walker.next(); block; block = walker.next()) one.push(block.text);
    expect(one).toEqual(all);
    expect(one).toEqual(['苏', '州', '杭', '州', '北京', '上海']);
  });
});
