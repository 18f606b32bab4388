import { describe, expect, it } from 'vitest';
import { toCsv, toJson, toJsonLd, toMarkdown } from '@/lib/clippings/export';
import { parseImport } from '@/lib/clippings/import';
import { makeClipping } from '../helpers/clippings';

const clippings = Array.from({ length: 12 }, (_, i) => makeClipping(i + 1));
const text = (gen: Iterable<string>) => [...gen].join('');

describe('export and import', () => {
  it('round-trips through AI Atlas JSON', () => {
    const back = parseImport(text(toJson(clippings, '2025-04-01T00:00:00Z')));
    expect(back).toEqual({ ok: true, format: 'json', clippings });
  });

  it('round-trips through W3C Web Annotation JSON-LD', () => {
    const exported = text(toJsonLd(clippings, '2025-04-01T00:00:00Z'));
    const doc = JSON.parse(exported);
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.items[0].target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(parseImport(exported)).toEqual({ ok: true, format: 'jsonld', clippings });
  });

  it('writes Markdown grouped by page and CSV with quoting', () => {
    const md = text(toMarkdown(clippings, '2025-04-01', (id) => (id === 'place-320500' ? '苏州市' : id)));
    expect(md.match(/^## \[/gm)).toHaveLength(7);
    expect(md).toContain('> 苏州工业园区成立ITBT融合创新中心 1');
    expect(md).toContain('Entities: park-suzhou-industrial-park, 苏州市');
    const csv = text(toCsv([makeClipping(1, { note: 'a "quoted", note\nwith a line' })]));
    expect(csv).toContain('"a ""quoted"", note\nwith a line"');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid,created,url,title,site,quote,note,tags,entities');
  });

  it('refuses malformed or foreign files with a message that says where', () => {
    expect(parseImport('{ not json')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(parseImport('{"hello":1}')).toMatchObject({ ok: false, error: expect.stringMatching(/not an AI Atlas export/) });
    const bad = JSON.parse(text(toJson(clippings, 'x')));
    bad.clippings[3].url = 'javascript:alert(1)';
    expect(parseImport(JSON.stringify(bad))).toEqual({ ok: false, error: 'Clipping 4: item.url: must be an http(s) address' });
    const badLd = JSON.parse(text(toJsonLd(clippings, 'x')));
    delete badLd.items[1].target;
    expect(parseImport(JSON.stringify(badLd))).toMatchObject({ ok: false, error: expect.stringMatching(/^Annotation 2: item.target/) });
  });
});
