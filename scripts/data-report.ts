/** npm run data:report — what the built dataset covers; ends with one JSON line. */
import { readFileSync } from 'node:fs';
import type { DatasetBundle } from '../lib/data/bundle';
import { nameKey } from '../lib/match/normalize';

const bundle = JSON.parse(readFileSync(new URL('../public/data/dataset.json', import.meta.url), 'utf8')) as DatasetBundle;
const byType = new Map<string, number>();
const byLevel = new Map<string, number>();
let facts = 0;
let sourced = 0;
let aliases = 0;
let ambiguous = 0;
let aiFactPlaces = 0;
const COUNTY_LEVELS = new Set(['district', 'county-level city', 'county', 'banner', 'zone']);
for (const e of bundle.entities) {
  byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  if (e.type === 'place') {
    const level = String(e.attributes.level ?? 'unknown');
    byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    if (e.facts.some((f) => f.label.en !== 'Division code')) aiFactPlaces++;
  }
  for (const f of e.facts) {
    facts++;
    if (f.source.url && f.source.publisher && f.source.date && f.asOf) sourced++;
  }
  const keys = new Set(e.names.aliases.map((a) => nameKey(a.text)));
  aliases += keys.size;
  ambiguous += e.names.aliases.filter((a) => a.ambiguous).length;
}
const level = (l: string) => byLevel.get(l) ?? 0;
const cities = level('prefecture') + level('municipality') + level('sar');
const counties = [...COUNTY_LEVELS].reduce((n, l) => n + level(l), 0);
console.log(`dataset ${bundle.version} (as of ${bundle.asOf}): ${bundle.entities.length} entities`);
console.log('\nby type:');
for (const [t, n] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${t.padEnd(10)} ${n}`);
console.log('\nplaces by level:');
for (const [l, n] of [...byLevel].sort((a, b) => b[1] - a[1])) console.log(`  ${l.padEnd(20)} ${n}`);
console.log(`\nplaces with curated (non-code) facts: ${aiFactPlaces}`);
console.log(`facts: ${facts}, with a source and as-of date: ${sourced} (${((100 * sourced) / facts).toFixed(1)}%)`);
console.log(`distinct names: ${aliases}, marked ambiguous: ${ambiguous}`);
console.log(
  JSON.stringify({
    cities,
    counties,
    parks: byType.get('park') ?? 0,
    companies: byType.get('company') ?? 0,
    policies: byType.get('policy') ?? 0,
    facts,
    sourced_facts: sourced,
    aliases,
    ambiguous_aliases: ambiguous,
  }),
);
