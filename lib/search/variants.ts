// The exact spellings of each folded term (hoa → hoa, hòa, hóa, họa…), so a word typed
// with its marks can be matched to its own spelling only, and an unmarked one to all.
// Works on a segment's local ids and on the archive's lexicon alike.

interface Terms {
  /** exact id → folded id */
  foldedOf: Int32Array;
  foldedTerm: readonly string[];
}

interface Variants {
  exactCount: number;
  foldedCount: number;
  start: Int32Array;
  exact: Int32Array;
}

const cache = new WeakMap<Terms, Variants>();

/** CSR listing of exact ids by folded id, built on first use and again if the vocabulary grew. */
function variantsOf(terms: Terms): Variants {
  const { foldedOf } = terms;
  const size = terms.foldedTerm.length;
  let v = cache.get(terms);
  if (v && v.exactCount === foldedOf.length && v.foldedCount === size) return v;
  const start = new Int32Array(size + 1);
  for (let e = 0; e < foldedOf.length; e++) start[foldedOf[e] + 1]++;
  for (let f = 0; f < size; f++) start[f + 1] += start[f];
  const exact = new Int32Array(foldedOf.length);
  const cursor = start.slice(0, size);
  for (let e = 0; e < foldedOf.length; e++) exact[cursor[foldedOf[e]]++] = e;
  v = { exactCount: foldedOf.length, foldedCount: size, start, exact };
  cache.set(terms, v);
  return v;
}

/** Exact ids whose folded form is `f`. */
export function exactVariants(terms: Terms, f: number): Int32Array {
  const v = variantsOf(terms);
  if (f + 1 >= v.start.length) return new Int32Array(0);
  return v.exact.subarray(v.start[f], v.start[f + 1]);
}
