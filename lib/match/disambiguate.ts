/**
 * Choose among entities that share a name (two 鼓楼区): prefer the one whose parent place is mentioned nearby or
 * elsewhere on the page. Returns the candidates reordered, best first; ties keep the dataset's order.
 */
export function rankCandidates(
  candidates: readonly number[],
  parents: readonly number[],
  mentioned: (entity: number) => number,
): number[] {
  const score = (e: number) => {
    const parent = parents[e] ?? -1;
    return parent >= 0 ? mentioned(parent) : 0;
  };
  return [...candidates].sort((a, b) => score(b) - score(a));
}
