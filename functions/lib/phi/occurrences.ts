/**
 * Occurrences of many literal strings in one text, found in a single pass over it (an Aho-Corasick automaton): for
 * each string, its non-overlapping occurrences from left to right, exactly what successive
 * `text.indexOf(s, previousEnd)` calls find, at a cost that does not grow with the number of strings.
 */
export function eachOccurrence(
  text: string,
  needles: ReadonlyArray<string>,
  fn: (needle: number, start: number) => void,
): void {
  // Trie of the needles: children per node, the needles ending at each node, and failure links.
  const children: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  needles.forEach((needle, k) => {
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let next = children[node].get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[node].set(c, next);
      }
      node = next;
    }
    if (needle.length > 0) {
      ends[node].push(k);
    }
  });
  // Breadth first, so a node's failure link (its longest proper suffix in the trie) is known before its children's;
  // the root's children fail to the root, as the zero-filled array says.
  const fail = new Int32Array(children.length);
  const queue: number[] = [...children[0].values()];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (const [c, child] of children[node]) {
      let f = fail[node];
      while (f !== 0 && !children[f].has(c)) {
        f = fail[f];
      }
      fail[child] = children[f].get(c) ?? 0;
      if (ends[fail[child]].length > 0) {
        ends[child] = [...ends[child], ...ends[fail[child]]];
      }
      queue.push(child);
    }
  }
  const nextFree = new Int32Array(needles.length);
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let next = children[node].get(c);
    while (next === undefined && node !== 0) {
      node = fail[node];
      next = children[node].get(c);
    }
    node = next ?? 0;
    const here = ends[node];
    for (let k = 0; k < here.length; k++) {
      const needle = here[k];
      const start = i + 1 - needles[needle].length;
      if (start >= nextFree[needle]) {
        nextFree[needle] = i + 1;
        fn(needle, start);
      }
    }
  }
}
