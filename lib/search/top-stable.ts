/**
 * The k items with the largest `key`, largest first, ties in the order given: what a stable sort
 * by `key` descending then `slice(0, k)` gives, without sorting every item (a short last word has
 * thousands of completions, of which a query keeps 5 or 20).
 */
export function topStable<T>(items: readonly T[], k: number, key: (item: T) => number): T[] {
  const best: T[] = [];
  const keys: number[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    const x = key(item);
    // A later item equal to the k-th comes after it: out.
    if (best.length === k && x <= keys[k - 1]) continue;
    // After every kept item whose key is at least x (ties keep their order).
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] >= x) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    keys.splice(lo, 0, x);
    if (best.length > k) {
      best.pop();
      keys.pop();
    }
  }
  return best;
}
