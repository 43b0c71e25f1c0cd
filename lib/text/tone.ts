// Canonical tone placement for Vietnamese syllables.
//
// Vietnamese writes the same syllable with the tone mark on different vowels: the
// traditional style puts it on the first vowel of an open oa/oe/uy (hòa, khỏe, thủy),
// the modern style on the main vowel (hoà, khoẻ, thuỷ). Both occur in the corpus, so
// we move the tone to one canonical vowel (the modern rule) by parsing the syllable
// into onset, nucleus and coda, never by a word list.

/** The five tone marks as combining characters (NFD). */
const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
/** Vowel-quality marks: breve (ă), circumflex (â ê ô), horn (ơ ư). */
const QUALITY = new Set(["\u0306", "\u0302", "\u031b"]);
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
/** Final consonants a Vietnamese syllable may end with. */
const CODAS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
/** Open two-vowel nuclei whose main vowel is the second one (modern style). */
const SECOND_VOWEL_NUCLEI = new Set(["oa", "oe", "uy"]);

interface Letter {
  base: string;
  /** Quality mark (NFD combining character) or "". */
  quality: string;
}

/**
 * Move the tone mark of one lowercase syllable to its canonical vowel.
 * Input and output are NFC. Anything that does not parse as a Vietnamese syllable
 * (foreign words, two tone marks, digits) is returned unchanged.
 *
 * @example canonicalTone("hòa") === "hoà"; canonicalTone("thủy") === "thuỷ"
 */
export function canonicalTone(syllable: string): string {
  const letters: Letter[] = [];
  let tone = "";
  for (const ch of syllable.normalize("NFD")) {
    if (TONES.has(ch)) {
      if (tone || letters.length === 0) return syllable;
      tone = ch;
    } else if (QUALITY.has(ch)) {
      const last = letters[letters.length - 1];
      if (!last || last.quality) return syllable;
      last.quality = ch;
    } else if (/[a-zđ]/.test(ch)) {
      letters.push({ base: ch, quality: "" });
    } else {
      return syllable;
    }
  }
  if (!tone) return syllable;
  const at = toneIndex(letters);
  if (at < 0) return syllable;
  let out = "";
  letters.forEach((l, i) => {
    out += l.base + l.quality + (i === at ? tone : "");
  });
  return out.normalize("NFC");
}

/** Index of the letter that carries the tone, or -1 when the syllable does not parse. */
function toneIndex(letters: Letter[]): number {
  const word = letters.map((l) => l.base).join("");
  let onsetEnd = 0;
  while (onsetEnd < letters.length && !VOWELS.has(letters[onsetEnd].base)) onsetEnd++;
  let codaStart = onsetEnd;
  while (codaStart < letters.length && VOWELS.has(letters[codaStart].base)) codaStart++;
  if (codaStart === onsetEnd || !CODAS.has(word.slice(codaStart))) return -1;
  // "qu" and "gi" + vowel: the u / i belongs to the onset, not the nucleus.
  const onset = word.slice(0, onsetEnd);
  if (codaStart - onsetEnd > 1 && !letters[onsetEnd].quality) {
    if ((onset === "q" && letters[onsetEnd].base === "u") || (onset === "g" && letters[onsetEnd].base === "i")) {
      onsetEnd++;
    }
  }
  const nucleus = letters.slice(onsetEnd, codaStart);
  if (nucleus.length > 3) return -1;
  // A vowel with a quality mark carries the tone (the last one: ươ → ơ).
  for (let i = nucleus.length - 1; i >= 0; i--) if (nucleus[i].quality) return onsetEnd + i;
  if (codaStart < letters.length) return codaStart - 1;
  if (nucleus.length === 1) return onsetEnd;
  if (nucleus.length === 3) return onsetEnd + 1;
  const pair = nucleus.map((l) => l.base).join("");
  return SECOND_VOWEL_NUCLEI.has(pair) ? onsetEnd + 1 : onsetEnd;
}
