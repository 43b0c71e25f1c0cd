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
/** `\p{L}`. */
const LETTER = 8;
/** `\p{M}`. */
const MARK = 16;
/** `\p{N}`. */
const NUMBER = 32;
/** `\p{Ll}`. */
const LOWER = 64;

const CLASSES: [number, RegExp][] = [
  [UPPER, /^\p{Lu}$/u],
  [WORDISH, /^[\p{L}\p{M}.]$/u],
  [OPENER, /^[\s(“"'‘]$/u],
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [LOWER, /^\p{Ll}$/u],
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
 * texts have none; looking at the two characters either side of each space settles them without
 * the regex (and without reading every character).
 */
export function hasCapitalPair(text: string): boolean {
  for (let i = text.indexOf(" ", 2); i >= 0 && i + 2 < text.length; i = text.indexOf(" ", i + 1)) {
    const a = text.charCodeAt(i - 2);
    const b = text.charCodeAt(i - 1);
    const c = text.charCodeAt(i + 1);
    const d = text.charCodeAt(i + 2);
    // Astral characters (surrogate pairs) next to a space: the regex decides.
    if (isSurrogate(a) || isSurrogate(b) || isSurrogate(c) || isSurrogate(d)) return /\p{Lu}{2,} \p{Lu}{2,}/u.test(text);
    if (charIs(b, UPPER) && charIs(a, UPPER) && charIs(c, UPPER) && charIs(d, UPPER)) return true;
  }
  return false;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/**
 * `/^\p{Lu}{2,}$/u.test(w)` (`min` 2) or `/^\p{Lu}+$/u.test(w)` (`min` 1): a word all in
 * capitals, by character code (the regex for words with astral characters).
 */
export function allCapitals(w: string, min: 1 | 2): boolean {
  if (w.length < min) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isSurrogate(c)) return (min === 2 ? /^\p{Lu}{2,}$/u : /^\p{Lu}+$/u).test(w);
    if (!charIs(c, UPPER)) return false;
  }
  return true;
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

const WORD_AFTER = /^ ([\p{L}\p{M}]+)/u;
const LOWER_WORD_AFTER = /^ (\p{Ll}+)/u;

/**
 * The word right after a name that ends at `end`, lowercased, or "": what
 * `/^ ([\p{L}\p{M}]+)/u` captures in `text.slice(end, end + 20)`. By character code: the regex
 * made a slice and a match array for every candidate (cost30).
 */
export function wordAfter(text: string, end: number): string {
  const e = scanAfter(text, end, 20, LETTER | MARK);
  if (e < 0) return WORD_AFTER.exec(text.slice(end, end + 20))?.[1].toLowerCase() ?? "";
  return e === end + 1 ? "" : text.slice(end + 1, e).toLowerCase();
}

/** What `/^ (\p{Ll}+)/u` captures in `text.slice(end, end + 12)`, or "": a lowercase word right after `end`. */
export function lowerWordAfter(text: string, end: number): string {
  const e = scanAfter(text, end, 12, LOWER);
  if (e < 0) return LOWER_WORD_AFTER.exec(text.slice(end, end + 12))?.[1] ?? "";
  return text.slice(end + 1, e);
}

/**
 * Where the characters of class `bits` that follow a space at `end` stop, within `span`
 * characters from `end` (`end + 1` when none follow, or no space); -1 at a surrogate, where only
 * the regex can say.
 */
function scanAfter(text: string, end: number, span: number, bits: number): number {
  if (text.charCodeAt(end) !== 32) return end + 1;
  const t = table ?? charClasses();
  const stop = Math.min(text.length, end + span);
  let e = end + 1;
  for (; e < stop; e++) {
    const c = text.charCodeAt(e);
    if (c >= 0xd800 && c <= 0xdfff) return -1;
    if (!(t[c] & bits)) break;
  }
  return e;
}

// A run of capitalised words, the person rules' raw material (a name part, then more joined by
// single spaces; lowercase particles inside foreign names, two in a row too: "Mohammed bin
// Abdulrahman", "Ursula von der Leyen", "ter Stegen"; "al-"/"el-" before a part: "Bashar al-Assad").
const WORD = "(?:(?:al|el)-)?\\p{Lu}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*";
export const CAPITAL_RUN = new RegExp(`(?<![\\p{L}\\p{N}.])${WORD}(?: (?:(?:bin|ibn|van|von|de|da|di|del|der|dos|ter) ){0,2}${WORD})*(?![\\p{L}\\p{N}])`, "gu");
const RUN_PARTICLES = new Set(["bin", "ibn", "van", "von", "de", "da", "di", "del", "der", "dos", "ter"]);

/**
 * The matches of `CAPITAL_RUN` in `text`, as start and end offsets one after the other: what
 * `text.matchAll(CAPITAL_RUN)` finds, by character code (the regex was a tenth of the person
 * rules' time). Text with surrogate pairs is left to the regex itself.
 */
export function capitalRuns(text: string): number[] {
  const out: number[] = [];
  const t = table ?? charClasses();
  const n = text.length;
  // One pass: every code unit outside the runs found is read here, and a run holds no surrogate
  // (the table gives them no class), so the first surrogate of the text is met here, whatever
  // was found before it is dropped, and the regex decides the whole text.
  for (let s = 0; s < n;) {
    const c = text.charCodeAt(s);
    if (c >= 0xd800 && c <= 0xdfff) return regexRuns(text);
    // A run opens at a capital or "al-"/"el-", not after a letter, a number or a full stop.
    if (
      (t[c] & UPPER || ((c === 97 || c === 101) && text.charCodeAt(s + 1) === 108 && text.charCodeAt(s + 2) === 45)) &&
      (s === 0 || !(t[text.charCodeAt(s - 1)] & (LETTER | NUMBER) || text.charCodeAt(s - 1) === 46))
    ) {
      const end = runEnd(text, s, t);
      if (end > s) {
        out.push(s, end);
        s = end;
        continue;
      }
    }
    s++;
  }
  return out;
}

/** `capitalRuns` by the regex itself, for text with surrogate pairs. */
function regexRuns(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CAPITAL_RUN)) out.push(m.index ?? 0, (m.index ?? 0) + m[0].length);
  return out;
}

/** Where the run that opens at `s` ends, -1 when none does (the regex's backtracking, worked out). */
function runEnd(text: string, s: number, t: Uint8Array): number {
  let r = wordEnd(text, s, t);
  if (r < 0) return -1;
  // Only a word's longest form can be followed by a space; from there the regex tries another
  // word, after two particles, one, or none, and ends the run at the space if no word follows.
  while (text.charCodeAt(r) === 32) {
    let next = -1;
    const p1 = particleEnd(text, r + 1);
    const p2 = p1 > 0 && text.charCodeAt(p1) === 32 ? particleEnd(text, p1 + 1) : -1;
    if (p2 > 0 && text.charCodeAt(p2) === 32) next = wordEnd(text, p2 + 1, t);
    if (next < 0 && p1 > 0 && text.charCodeAt(p1) === 32) next = wordEnd(text, p1 + 1, t);
    if (next < 0) next = wordEnd(text, r + 1, t);
    if (next < 0) return r;
    r = next;
  }
  return r;
}

/** The end of a particle word at `q` ("van"), or -1. */
function particleEnd(text: string, q: number): number {
  let e = q;
  while (e < text.length && e - q < 3 && text.charCodeAt(e) >= 97 && text.charCodeAt(e) <= 122) e++;
  return e > q && RUN_PARTICLES.has(text.slice(q, e)) ? e : -1;
}

/**
 * The end of one name word at `q` as the regex settles it: the longest form when the run may
 * end or go on after it; otherwise (a number follows) the first shorter form the regex
 * backtracks to that is not followed by a letter or number; -1 when there is none.
 */
function wordEnd(text: string, q: number, t: Uint8Array): number {
  const prefixed = (text.charCodeAt(q) === 97 || text.charCodeAt(q) === 101) && text.charCodeAt(q + 1) === 108 && text.charCodeAt(q + 2) === 45;
  const u = prefixed ? q + 3 : q;
  if (!(t[text.charCodeAt(u)] & UPPER) || u >= text.length) return -1;
  const n = text.length;
  let end = lettersEnd(text, u + 1, t);
  // Hyphen groups: the start of the last one's letters, and where the run stood before it.
  let groupLetters = u + 1;
  let beforeGroup = -1;
  while (end + 1 < n && isJoiner(text.charCodeAt(end)) && t[text.charCodeAt(end + 1)] & LETTER) {
    beforeGroup = end;
    groupLetters = end + 2;
    end = lettersEnd(text, end + 2, t);
  }
  if (freeAt(text, end, t)) return end;
  // Backtracking: the last group's letters give back one by one (a combining mark after them
  // lets the run end), then the last group goes (its joiner ends the run).
  for (let e = end - 1; e >= groupLetters; e--) if (freeAt(text, e, t)) return e;
  return beforeGroup >= 0 ? beforeGroup : -1;
}

// wordEnd's helpers are module functions, not closures: tsx (esbuild's keepNames) names every
// closure each time it is made, and wordEnd runs for every capitalised word of the corpus (the
// naming was 3% of a 35k build's CPU).

/** The end of the letters and combining marks from `from`. */
function lettersEnd(text: string, from: number, t: Uint8Array): number {
  let e = from;
  while (e < text.length && t[text.charCodeAt(e)] & (LETTER | MARK)) e++;
  return e;
}

/** Whether a run may end at `p`: the text ends, or neither a letter nor a number follows. */
function freeAt(text: string, p: number, t: Uint8Array): boolean {
  return p >= text.length || !(t[text.charCodeAt(p)] & (LETTER | NUMBER));
}

function isJoiner(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019;
}
