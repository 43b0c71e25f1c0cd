// Edit distance the Vietnamese way: a wrong or missing tone or vowel mark costs half a
// wrong letter, so hòa is nearer to hóa (0.5) and hoa (0.5) than to khoa (1.5).

/** The five tone marks (grave, acute, tilde, hook above, dot below) as NFD writes them. */
const isTone = (c: number) => c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323;
const MARK = /\p{M}/u;

/** A word as letters (base letter + quality mark) and the tone marks it carries. */
interface Spelled {
  letters: string[];
  bases: string[];
  tone: string;
}

/**
 * One pass over the word's NFD form (the tones apart, in their order; each other mark joined
 * to the letter before it). Marks are told by code point where that decides it (none lies
 * below U+0300, and U+0300–U+036F are all marks): a spelling is read for every candidate of a
 * typo search, and a regular expression per character was most of its cost.
 */
function spell(word: string): Spelled {
  const nfd = word.normalize("NFC").toLowerCase().normalize("NFD");
  let tone = "";
  const letters: string[] = [];
  const bases: string[] = [];
  for (const ch of nfd) {
    const c = ch.codePointAt(0)!;
    if (isTone(c)) {
      tone += ch;
      continue;
    }
    const mark = c >= 0x300 && (c <= 0x36f || MARK.test(ch));
    if (mark && letters.length) {
      letters[letters.length - 1] += ch;
    } else {
      letters.push(ch === "đ" ? "d\u0335" : ch);
      bases.push(ch === "đ" ? "d" : ch);
    }
  }
  return { letters, bases, tone };
}

/** Half a letter for a mark (tone, ă â ê ô ơ ư, đ), one for a letter inserted, deleted or replaced. */
export const MARK_COST = 0.5;

function distance(x: Spelled, y: Spelled): number {
  const n = x.letters.length;
  const m = y.letters.length;
  // Two rows of the edit table (halves and whole numbers: exact in doubles).
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    for (let j = 1; j <= m; j++) {
      const sub = x.letters[i - 1] === y.letters[j - 1] ? 0 : x.bases[i - 1] === y.bases[j - 1] ? MARK_COST : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + sub);
    }
    [prev, row] = [row, prev];
  }
  return prev[m] + (x.tone === y.tone ? 0 : MARK_COST);
}

/** Vietnamese edit distance between two words (case and tone placement ignored). */
export function vnDistance(a: string, b: string): number {
  return distance(spell(a), spell(b));
}

/** vnDistance from one word to many (a typo search's candidates): the word is spelled once. */
export function vnDistanceFrom(a: string): (b: string) => number {
  const x = spell(a);
  return (b) => distance(x, spell(b));
}
