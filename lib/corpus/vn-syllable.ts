// Whether a word is one capitalised Vietnamese syllable ("Nguyễn", "Anh"): what the person rules
// ask of every word of every name, several times. By character code, not by regex: the words
// are fresh slices of the text, and a regex test (or a cache keyed by the word, which hashes
// it) cost several seconds of a 35k build. Words with a character outside plain Latin letters
// and Vietnamese letters go to the regex itself, so the answer is the regex's in every case
// (vn-syllable.test.ts).

/** The definition: an optional initial, one to three vowels, an optional final; capitalised. */
export const VN_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}(?:ng|nh|ch|[cmnpt])?$/iu;
const TITLE_CASED = /^\p{Lu}\p{Ll}*$/u;

const VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
const INITIALS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", ..."bcdđghklmnpqrstvx"].map((s) => [...s].map((c) => c.charCodeAt(0)));
const FINALS = ["ng", "nh", "ch", ..."cmnpt"];

/** Highest code unit of a letter the scan knows (Latin Extended Additional's Vietnamese letters end at U+1EF9). */
const TOP = 0x1f00;
/** Lowercase code of each known letter (plain Latin, đ, Vietnamese vowels, and their capitals); 0 for the rest. */
const LOWER = new Uint16Array(TOP);
/** 1 for a lowercase vowel code. */
const VOWEL = new Uint8Array(TOP);
for (const c of `abcdefghijklmnopqrstuvwxyzđ${VOWELS}`) {
  const lower = c.charCodeAt(0);
  LOWER[lower] = lower;
  // Every capital here is one code unit whose simple case folding is the lowercase letter.
  LOWER[c.toUpperCase().charCodeAt(0)] = lower;
}
for (const c of VOWELS) VOWEL[c.charCodeAt(0)] = 1;
const FINAL_CODES = FINALS.map((s) => [...s].map((c) => c.charCodeAt(0)));

/**
 * The lowercase codes of the word being read, in one buffer for every call (a word is at most 8
 * code units here): the person rules ask this of every word of every name, and a fresh array per
 * call was allocation the collector then paid for.
 */
const CODES = new Uint16Array(8);

/** `VN_SYLLABLE.test(w) && /^\p{Lu}\p{Ll}*$/u.test(w)`. */
export function isVietnameseSyllable(w: string): boolean {
  const n = w.length;
  // At most three letters of initial, three vowels and two of final, each one code unit.
  if (n === 0 || n > 8) return false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    const lower = c < TOP ? LOWER[c] : 0;
    if (!lower) return VN_SYLLABLE.test(w) && TITLE_CASED.test(w);
    // Capital first, lowercase after.
    if ((i === 0) === (lower === c)) return false;
    CODES[i] = lower;
  }
  if (vowelsThenFinal(n, 0)) return true;
  for (const initial of INITIALS) if (startsWith(n, initial) && vowelsThenFinal(n, initial.length)) return true;
  return false;
}

/** Whether the word's first codes (`CODES[0, n)`) are `prefix`. */
function startsWith(n: number, prefix: number[]): boolean {
  if (prefix.length > n) return false;
  for (let i = 0; i < prefix.length; i++) if (CODES[i] !== prefix[i]) return false;
  return true;
}

/** One to three vowels from `from`, then nothing or one final (in `CODES[0, n)`). */
function vowelsThenFinal(n: number, from: number): boolean {
  let i = from;
  while (i < n && VOWEL[CODES[i]]) i++;
  const vowels = i - from;
  if (vowels < 1 || vowels > 3) return false;
  if (i === n) return true;
  for (const final of FINAL_CODES) {
    if (final.length !== n - i) continue;
    let same = true;
    for (let k = 0; k < final.length; k++) if (CODES[i + k] !== final[k]) same = false;
    if (same) return true;
  }
  return false;
}
