import type { Clipping } from './schema';

/**
 * Export formats, each a generator of text chunks (one per clipping or page) so that 50,000 clippings are
 * written out piece by piece into a Blob instead of one giant string.
 */

export const JSON_FORMAT = 'ai-atlas-clippings';
export const JSON_FORMAT_VERSION = 1;
/** Entities are identified in Web Annotation bodies by this URN prefix. */
export const ENTITY_URN = 'urn:ai-atlas:entity:';

export function* toJson(clippings: Iterable<Clipping>, exportedAt: string): Generator<string> {
  yield `{"format":"${JSON_FORMAT}","version":${JSON_FORMAT_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"clippings":[\n`;
  let first = true;
  for (const c of clippings) {
    yield `${first ? '' : ',\n'}${JSON.stringify(c)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** W3C Web Annotation JSON-LD: note and tags as TextualBody (commenting / tagging), entities as identifying. */
export function toAnnotation(c: Clipping): Record<string, unknown> {
  return {
    id: `urn:uuid:${c.id}`,
    type: 'Annotation',
    created: c.createdAt,
    modified: c.updatedAt,
    body: [
      ...(c.note ? [{ type: 'TextualBody', value: c.note, purpose: 'commenting', format: 'text/plain' }] : []),
      ...c.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
      ...c.entityIds.map((id) => ({ type: 'SpecificResource', source: `${ENTITY_URN}${id}`, purpose: 'identifying' })),
    ],
    target: { source: c.url, 'dc:title': c.title, selector: [c.quote, c.position] },
  };
}

export function* toJsonLd(clippings: Iterable<Clipping>, exportedAt: string): Generator<string> {
  yield `{"@context":["http://www.w3.org/ns/anno.jsonld",{"dc":"http://purl.org/dc/terms/"}],"type":"AnnotationCollection","label":"AI Atlas clippings","generated":${JSON.stringify(exportedAt)},"items":[\n`;
  let first = true;
  for (const c of clippings) {
    yield `${first ? '' : ',\n'}${JSON.stringify(toAnnotation(c))}`;
    first = false;
  }
  yield '\n]}\n';
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function* toCsv(clippings: Iterable<Clipping>): Generator<string> {
  yield '\uFEFFid,created,url,title,site,quote,note,tags,entities\r\n';
  for (const c of clippings) {
    yield `${[c.id, c.createdAt, c.url, c.title, c.site, c.quote.exact, c.note, c.tags.join(' '), c.entityIds.join(' ')].map(csvCell).join(',')}\r\n`;
  }
}

/** One Markdown file, grouped by page: a heading with the link, each quote as a blockquote with note and entities. */
export function* toMarkdown(
  clippings: Iterable<Clipping>,
  exportedAt: string,
  entityName: (id: string) => string = (id) => id,
): Generator<string> {
  const byPage = new Map<string, Clipping[]>();
  for (const c of clippings) {
    const list = byPage.get(c.url) ?? [];
    list.push(c);
    byPage.set(c.url, list);
  }
  yield `# AI Atlas clippings\n\nExported ${exportedAt}.\n`;
  for (const [url, list] of byPage) {
    const title = (list[0]!.title || url).replace(/[[\]]/g, '');
    let chunk = `\n## [${title}](${url})\n`;
    for (const c of list) {
      chunk += `\n${c.quote.exact.split('\n').map((l) => `> ${l}`).join('\n')}\n`;
      if (c.note) chunk += `\n${c.note}\n`;
      const meta = [
        c.entityIds.length ? `Entities: ${c.entityIds.map(entityName).join(', ')}` : '',
        c.tags.length ? `Tags: ${c.tags.map((t) => `#${t}`).join(' ')}` : '',
        `Saved ${c.createdAt.slice(0, 10)}`,
      ].filter(Boolean);
      chunk += `\n_${meta.join(' · ')}_\n`;
    }
    yield chunk;
  }
}
