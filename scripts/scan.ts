/**
 * npm run scan -- FILE.html | FILE.txt | -   — the mentions AI Atlas finds in a page or text, with the same
 * lib/match and lib/dom code the content script runs (jsdom stands in for the browser's DOM).
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { idAt, typeAt, type NameIndex } from '../lib/data/bundle';
import { collectTextBlocks } from '../lib/dom/text-blocks';
import { Automaton } from '../lib/match/automaton';

const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run scan -- FILE.html | FILE.txt | -   (- reads standard input)');
  process.exit(2);
}
let input: string;
try {
  input = readFileSync(arg === '-' ? 0 : arg, 'utf8');
} catch (err) {
  console.error(`cannot read ${arg}: ${(err as Error).message}`);
  process.exit(2);
}
let index: NameIndex;
try {
  index = JSON.parse(readFileSync(new URL('../generated/name-index.json', import.meta.url), 'utf8')) as NameIndex;
} catch {
  console.error('no name index: run npm run data:build first');
  process.exit(2);
}

const looksLikeHtml = /^\s*</.test(input) || /<(html|body|p|div|article)\b/i.test(input);
const { window } = new JSDOM(looksLikeHtml ? input : `<body><pre>${input.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'))}</pre></body>`);
Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
const blocks = looksLikeHtml
  ? collectTextBlocks(window.document.body)
  : input.split('\n').map((text) => ({ text, element: window.document.body, segments: [] }));
const automaton = Automaton.load(index.trie, index.variants);

const perEntity = new Map<number, { count: number; surfaces: Set<string> }>();
let offsetBase = 0;
let total = 0;
console.log(`${'offset'.padStart(8)}  ${'type'.padEnd(8)} ${'entity'.padEnd(44)} surface`);
for (const block of blocks) {
  for (const m of automaton.find(block.text)) {
    const surface = block.text.slice(m.start, m.end);
    const id = idAt(index, m.entity);
    const alternatives = m.alternatives?.map((e) => idAt(index, e)).join(', ');
    console.log(
      `${String(offsetBase + m.start).padStart(8)}  ${typeAt(index, m.entity).padEnd(8)} ${id.padEnd(44)} ${surface}${alternatives ? `   (also: ${alternatives})` : ''}`,
    );
    const e = perEntity.get(m.entity) ?? { count: 0, surfaces: new Set<string>() };
    e.count++;
    e.surfaces.add(surface);
    perEntity.set(m.entity, e);
    total++;
  }
  offsetBase += block.text.length + 1;
}
console.log(`\n${total} mentions of ${perEntity.size} entities (offsets count text blocks joined by one separator):`);
for (const [entity, e] of [...perEntity].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${String(e.count).padStart(5)} × ${idAt(index, entity).padEnd(44)} ${[...e.surfaces].join(' / ')}`);
}
