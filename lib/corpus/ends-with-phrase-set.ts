// Whether a text ends with one of a set of phrases as a whole word sequence, for the person rules'
// context reads, which ask it of every candidate of every article: "tiền đạo Martial" (does the
// text before the name end with a player's role?), "Tổng thống Trump" (with a title?). Both forms
// below take the text's last one, two, … words and look each up in a set, never looping over the
// phrases (building `" " + phrase` for each was a tenth of resolving's CPU), and both first ask
// whether the text's last word ends any phrase at all (`lastWordsOf`): most texts' does not.
//
// - `endsWithPhraseSet(phrases)(text)`: the text as it is (a candidate's lowercased `before`),
//   the phrase the whole text or after a space.
// - `endsWithPhrase(before, phrases)`: the raw text right before a name, ending with a space;
//   case-insensitive, an opening bracket or quote off a word, an abbreviation's full stop off the
//   last ("TP. "), up to four words. The answers for the last two texts asked are kept (`LastTwo`):
//   a name's rules ask several sets about the same text.

/** Each phrase set's last words ("thống" of "tổng thống"), worked out on first use. */
const LAST_WORDS = new WeakMap<ReadonlySet<string>, Set<string>>();

/** The last word of every phrase of `phrases`: no text whose last word is none of these ends with one. */
export function lastWordsOf(phrases: ReadonlySet<string>): ReadonlySet<string> {
  let ends = LAST_WORDS.get(phrases);
  if (!ends) LAST_WORDS.set(phrases, (ends = new Set([...phrases].map((p) => p.slice(p.lastIndexOf(" ") + 1)))));
  return ends;
}

/** `(text) => phrases.some((p) => text === p || text.endsWith(" " + p))`, by set look-ups. */
export function endsWithPhraseSet(phrases: readonly string[]): (text: string) => boolean {
  for (const p of phrases) {
    // The look-up splits the text at single spaces: a phrase with any other spacing would never match.
    if (!p || p.startsWith(" ") || p.endsWith(" ") || p.includes("  "))
      throw new Error(`endsWithPhraseSet: phrase ${JSON.stringify(p)} is not words joined by single spaces`);
  }
  const set = new Set(phrases);
  const lastWords = lastWordsOf(set);
  const most = Math.max(0, ...phrases.map((p) => p.split(" ").length));
  return (text) => {
    // The text's last k words (k = 1, 2, …): what follows its k-th space from the end, or the whole
    // text when it has fewer spaces. No phrase starts with a space, so a suffix that does (the
    // text's first character is a space) ends the search.
    let space = text.lastIndexOf(" ");
    const last = text.slice(space + 1);
    if (set.has(last)) return true;
    // A phrase the text ends with ends with the text's last word.
    if (space <= 0 || !lastWords.has(last)) return false;
    for (let k = 2; k <= most; k++) {
      space = text.lastIndexOf(" ", space - 1);
      if (set.has(text.slice(space + 1))) return true;
      if (space <= 0) return false;
    }
    return false;
  };
}

/**
 * Whether the text right before a name (`before`, ending with a space) ends with one of the
 * phrases (1–4 words, lowercase), case-insensitive. `phrases` is a set kept for the program's life
 * (its last words are worked out once per set).
 */
export function endsWithPhrase(before: string, phrases: ReadonlySet<string>): boolean {
  // Every phrase before a name ends with its last word: most texts' last word ends no phrase of
  // the set, and then the longer phrases are never built (they were a fifth of findCandidates).
  const last = lastWordBefore(before);
  if (last === null) return false;
  if (last !== "" && !lastWordsOf(phrases).has(last)) return false;
  for (const phrase of phrasesBefore(before)) if (phrases.has(phrase)) return true;
  return false;
}

/**
 * The answers for the last two texts asked about: a segment asks about the same text before
 * it several times (titles, honorifics, titles only people take) and about a shorter slice in
 * between (place words), so each is worked out once.
 */
class LastTwo<T> {
  private last = "";
  private older = "";
  constructor(
    private readonly compute: (text: string) => T,
    private lastValue: T,
    private olderValue: T = lastValue,
  ) {}

  get(text: string): T {
    if (text === this.last) return this.lastValue;
    const value = text === this.older ? this.olderValue : this.compute(text);
    this.older = this.last;
    this.olderValue = this.lastValue;
    this.last = text;
    this.lastValue = value;
    return value;
  }
}

/**
 * The last word of `before` as `phrasesOf` makes its one-word phrase (lowercased, an opening
 * mark or an abbreviation's full stop taken off), or null when it has no phrases. A phrase of
 * several words ends with this word unless the word is "" (a lone quote mark).
 */
const lastWords = new LastTwo<string | null>(firstPhrase, null);

export function lastWordBefore(before: string): string | null {
  return lastWords.get(before);
}

/** `phrasesOf(before)[0]` without the longer phrases (not cached: see `lastWordBefore`). */
export function firstPhrase(before: string): string | null {
  if (!(before.charCodeAt(before.length - 1) === 32 || /\s$/.test(before))) return null;
  let end = before.length;
  while (end > 0 && before[end - 1] === " ") end--;
  if (end === 0) return null;
  return phraseWord(before, before.lastIndexOf(" ", end - 1) + 1, end, true);
}

/** Character codes of `(`, `"`, `“`, `'`, `‘`: what `phrasesOf` strips from a word's start. */
const OPENING_MARKS = new Set([40, 34, 0x201c, 39, 0x2018]);

/** The word `before[start, end)` of a phrase, lowercased, without opening marks; the last one (`first`) without an abbreviation's full stop. */
function phraseWord(before: string, start: number, end: number, first: boolean): string {
  let word = before.slice(start, end).toLowerCase();
  // Regexes only when the word opens with a bracket or quote, or ends with a full stop.
  if (OPENING_MARKS.has(word.charCodeAt(0))) word = word.replace(/^[("“'‘]+/, "");
  // "TP. Hồ Chí Minh": an abbreviation's full stop; a longer word's ends the sentence ("sân nhà. Augustin").
  if (first && word.length <= 3 && word.charCodeAt(word.length - 1) === 46) word = word.replace(/\.$/, "");
  return word;
}

/** The last one, two, three and four words of `before`, lowercased, if it ends with a space. */
const phrasesCache = new LastTwo<readonly string[]>(phrasesOf, []);

export function phrasesBefore(before: string): readonly string[] {
  return phrasesCache.get(before);
}

/** `phrasesBefore` without the cache. */
export function phrasesOf(before: string): readonly string[] {
  if (before.charCodeAt(before.length - 1) === 32) {
    let end = before.length - 1;
    while (end > 0 && before[end - 1] === " ") end--;
    const plain = plainPhrases(before, end);
    if (plain) return plain;
  }
  return walkedPhrases(before);
}

/** `phrasesOf` word by word, for any text (exported for the test that holds `plainPhrases` to it). */
export function walkedPhrases(before: string): readonly string[] {
  const out: string[] = [];
  // Most texts before a name end with a plain space: the regex only for the rest.
  if (before.charCodeAt(before.length - 1) === 32 || /\s$/.test(before)) {
    // Walk back over the last four words without splitting the whole slice.
    let end = before.length;
    while (end > 0 && before[end - 1] === " ") end--;
    let phrase = "";
    for (let n = 0; n < 4 && end > 0; n++) {
      const start = before.lastIndexOf(" ", end - 1) + 1;
      const word = phraseWord(before, start, end, n === 0);
      phrase = phrase ? `${word} ${phrase}` : word;
      out.push(phrase);
      end = start - 1;
      while (end > 0 && before[end - 1] === " ") end--;
    }
  }
  return out;
}

/** The starts of the last words `plainPhrases` reads (one array for all calls: it never nests). */
const STARTS = new Int32Array(4);

/**
 * `phrasesOf`'s usual case, from one lowercased slice instead of a slice, a lowercased copy and a
 * joined phrase per word: the last four words (or fewer) one space apart, none opening with a
 * bracket or quote, the last no abbreviation of three characters or less ending with a full stop,
 * and no character whose lowercase is longer. Each phrase is then that slice's tail, as the words
 * lowercased and joined by single spaces would be; the list is made at its length (pushes grew
 * it by 17). Null for the general walk.
 */
function plainPhrases(before: string, end: number): string[] | null {
  let n = 0;
  for (let e = end; n < 4 && e > 0;) {
    const start = before.lastIndexOf(" ", e - 1) + 1;
    if (OPENING_MARKS.has(before.charCodeAt(start))) return null;
    STARTS[n++] = start;
    e = start - 1;
    // Several spaces between two words: the phrase joins them by one.
    if (n < 4 && e > 0 && before.charCodeAt(e - 1) === 32) return null;
  }
  if (n === 0 || (end - STARTS[0] <= 3 && before.charCodeAt(end - 1) === 46)) return null;
  const from = STARTS[n - 1];
  const lower = before.slice(from, end).toLowerCase();
  if (lower.length !== end - from) return null;
  if (n === 1) return [lower];
  if (n === 2) return [lower.slice(STARTS[0] - from), lower];
  if (n === 3) return [lower.slice(STARTS[0] - from), lower.slice(STARTS[1] - from), lower];
  return [lower.slice(STARTS[0] - from), lower.slice(STARTS[1] - from), lower.slice(STARTS[2] - from), lower];
}
