// Edit distance the Vietnamese way: a wrong or missing tone or vowel mark costs half a
// wrong letter, so hòa is nearer to hóa (0.5) and hoa (0.5) than to khoa (1.5).

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word as letters (base letter + quality mark) and the tone marks it carries. */
interface Spelled {
  letters: string[];
  bases: string[];
  tone: string;
}

function spell(word: string): Spelled {
  const nfd = word.normalize("NFC").toLowerCase().normalize("NFD");
  const tone = (nfd.match(TONES) ?? []).join("");
  const letters: string[] = [];
  const bases: string[] = [];
  for (const ch of nfd.replace(TONES, "")) {
    if (/\p{M}/u.test(ch) && letters.length) {
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

/** Vietnamese edit distance between two words (case and tone placement ignored). */
export function vnDistance(a: string, b: string): number {
  const x = spell(a);
  const y = spell(b);
  const n = x.letters.length;
  const m = y.letters.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = [i];
    for (let j = 1; j <= m; j++) {
      const sub = x.letters[i - 1] === y.letters[j - 1] ? 0 : x.bases[i - 1] === y.bases[j - 1] ? MARK_COST : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + sub));
    }
    prev = row;
  }
  return prev[m] + (x.tone === y.tone ? 0 : MARK_COST);
}
