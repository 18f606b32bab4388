/**
 * One truly cold start, as the background meets it after the browser stopped it: a fresh process (nothing compiled
 * yet) parses the index JSON named on the command line and loads the automaton once, then scans a first paragraph
 * (the second file) with the code still cold; the start-pair filter is filled during such first scans. Prints both
 * milliseconds. Run by matcher.ts.
 */
import { readFileSync } from 'node:fs';
import type { NameIndex } from '../../lib/data/bundle';
import { Automaton } from '../../lib/match/automaton';

const json = readFileSync(process.argv[2]!, 'utf8');
const paragraph = readFileSync(process.argv[3]!, 'utf8');
const t0 = performance.now();
const index = JSON.parse(json) as NameIndex;
const automaton = Automaton.load(index.trie, index.variants);
const t1 = performance.now();
automaton.find(paragraph);
const t2 = performance.now();
console.log(`${(t1 - t0).toFixed(2)} ${(t2 - t1).toFixed(2)}`);
