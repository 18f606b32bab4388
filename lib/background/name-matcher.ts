import type { NameIndex } from '../data/bundle';
import { Automaton } from '../match/automaton';
import { matchTexts, type MatchReply } from '../match/match-texts';

/**
 * The one matcher every page's text is read with: the automaton is laid out from the bundled name index on the
 * first request after the background starts, then kept (with its code optimised) for every tab and frame.
 */
export class NameMatcher {
  private automaton: Automaton | undefined;

  constructor(private readonly index: NameIndex) {}

  match(texts: readonly string[]): MatchReply {
    this.automaton ??= Automaton.load(this.index.trie, this.index.variants);
    return matchTexts(this.index, this.automaton, texts);
  }
}
