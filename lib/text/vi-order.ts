// Vietnamese order for lists the reader scans (facet values): one collator and one rule,
// used by the server's facet counts and by the client's facet lists alike.

/** Vietnamese alphabetical order: Đ after D, marked letters beside their base letter. */
export const compareVi = new Intl.Collator("vi", { sensitivity: "base" }).compare;

/**
 * Most frequent first, ties in alphabetical order. `alphabetical` lets the server compare
 * precomputed collation ranks instead of strings.
 */
export function mostFrequentFirst<T>(count: (v: T) => number, alphabetical: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || alphabetical(a, b);
}
