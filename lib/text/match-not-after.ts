// A regex's matches that no given character precedes, without a lookbehind: a leading
// `(?<![…])` is tried at every position of the text, before the regex's first character can
// rule the position out, and made the agency names (sources.ts) and the cued dates (dates.ts)
// several times slower than the same regex without it.

/**
 * The matches of the global regex `re` in `text` that `(?<!X)re` would find, where `notAfter`
 * (`/^X$/u`) tests the one code point before a match (a surrogate pair as one): a match after
 * such a character is dropped and the search goes on from the next position, as the regex with
 * the lookbehind would. `re` must have the `g` flag; its `lastIndex` is used.
 */
export function* matchesNotAfter(re: RegExp, text: string, notAfter: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (at > 0 && notAfter.test(codePointBefore(text, at))) {
      re.lastIndex = at + 1;
      continue;
    }
    const next = m[0] === "" ? at + 1 : re.lastIndex;
    yield m;
    re.lastIndex = next;
  }
}

/** The code point that ends at `at` (a surrogate pair as one). */
function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1];
}
