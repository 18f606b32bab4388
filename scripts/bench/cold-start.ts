/**
 * One truly cold start, as a content script meets it: a fresh process (nothing compiled yet) parses the index JSON
 * named on the command line and loads the automaton once. Prints the milliseconds. Run by matcher.ts.
 */
import { readFileSync } from 'node:fs';
import type { NameIndex } from '../../lib/data/bundle';
import { Automaton } from '../../lib/match/automaton';

const json = readFileSync(process.argv[2]!, 'utf8');
const t0 = performance.now();
const index = JSON.parse(json) as NameIndex;
Automaton.load(index.trie, index.variants);
console.log((performance.now() - t0).toFixed(2));
