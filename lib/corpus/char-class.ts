// Two scans of the person rules (lib/corpus/people.ts) that ran a Unicode-property regex over
// every text or every name's context, done by character code instead: each character class is
// the regex's, looked up in a table of the Basic Multilingual Plane built once from that regex.
// Text with surrogate pairs (astral characters, where one code unit is not one character) falls
// back to the regex itself, so the answers are the regex's in every case (char-class.test.ts).

/** `\p{Lu}`. */
const UPPER = 1;
/** `[\p{L}\p{M}.]`: a word character of the text before a name. */
const WORDISH = 2;
/** `[\s(“"'‘]`: what may stand before the words before a name. */
const OPENER = 4;

const CLASSES: [number, RegExp][] = [
  [UPPER, /^\p{Lu}$/u],
  [WORDISH, /^[\p{L}\p{M}.]$/u],
  [OPENER, /^[\s(“"'‘]$/u],
];

let table: Uint8Array | null = null;

/** The class bits of every BMP code unit (surrogates have none), built on first use (a few milliseconds). */
function charClasses(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    let bits = 0;
    for (const [bit, re] of CLASSES) if (re.test(ch)) bits |= bit;
    table[c] = bits;
  }
  return table;
}

/** Whether code unit `c` (not a surrogate) is in class `bit`. */
function charIs(c: number, bit: number): boolean {
  return ((table ?? charClasses())[c] & bit) !== 0;
}

/**
 * `/\p{Lu}{2,} \p{Lu}{2,}/u.test(text)`: two words in capitals side by side somewhere. Most
 * texts have none; a scan by character code settles them without the regex.
 */
export function hasCapitalPair(text: string): boolean {
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return /\p{Lu}{2,} \p{Lu}{2,}/u.test(text);
    if (charIs(c, UPPER)) capitals++;
    else {
      if (c === 32 && capitals >= 2 && i + 2 < text.length && upperAt(text, i + 1) && upperAt(text, i + 2)) return true;
      capitals = 0;
    }
  }
  return false;
}

function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return !(c >= 0xd800 && c <= 0xdfff) && charIs(c, UPPER);
}

/**
 * The one or two words right before a name, lowercased: what
 * `/(?:^|[\s(“"'‘])((?:[\p{L}\p{M}.]+ )?[\p{L}\p{M}.]+) $/u` captures in `slice` (the text
 * before the name), worked out backwards from its end.
 */
export function wordsBefore(slice: string): string {
  const e = slice.length - 1;
  if (e < 1 || slice.charCodeAt(e) !== 32) return "";
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return /(?:^|[\s(“"'‘])((?:[\p{L}\p{M}.]+ )?[\p{L}\p{M}.]+) $/u.exec(slice)?.[1].toLowerCase() ?? "";
  }
  // The last word: [k2, e).
  let k2 = e;
  while (k2 > 0 && charIs(slice.charCodeAt(k2 - 1), WORDISH)) k2--;
  if (k2 === e) return "";
  // Two words, the first opening the slice or after an opener: the leftmost match.
  if (k2 >= 2 && slice.charCodeAt(k2 - 1) === 32) {
    let k1 = k2 - 1;
    while (k1 > 0 && charIs(slice.charCodeAt(k1 - 1), WORDISH)) k1--;
    if (k1 < k2 - 1 && (k1 === 0 || charIs(slice.charCodeAt(k1 - 1), OPENER))) return slice.slice(k1, e).toLowerCase();
  }
  return k2 === 0 || charIs(slice.charCodeAt(k2 - 1), OPENER) ? slice.slice(k2, e).toLowerCase() : "";
}
