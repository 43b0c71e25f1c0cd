// Queries typed with the Vietnamese input method switched off: Telex (hoaf binhf,
// ddamf phans, tuowng lai) and VNI (hoa2 bi2nh, d9a2m pha1n). A word is decoded only
// when it carries input-method keys and the result is a well-formed Vietnamese syllable.
import { canonicalTone } from "@/lib/text/tone";

const TONE_MARK = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" } as const;
const VNI_TONE: Record<string, string> = { "1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323" };
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";
const HORN = "\u031b";

const ONSETS = new Set([
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
]);
const CODAS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
/** Vowel nuclei (NFC, without tone). */
const NUCLEI = new Set(
  (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu " +
    "ya yê iêu oai oay oeo uây uôi ươi ươu uya uyê yêu"
  ).split(" "),
);
const VOWEL = /[aăâeêioôơuưy]/;

interface Letter {
  base: string;
  quality: string;
}

/** Whether a lowercase NFC word without tone marks is a Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  const m = /^([^aăâeêioôơuưy]*)([aăâeêioôơuưy]+)([^aăâeêioôơuưy]*)$/.exec(word);
  if (!m) return false;
  let [, onset, nucleus] = m;
  const coda = m[3];
  // gi / qu + vowel: the i / u belongs to the onset (gìn, quốc).
  if ((onset === "g" && nucleus[0] === "i" && nucleus.length > 1) || (onset === "q" && nucleus[0] === "u")) {
    onset += nucleus[0];
    nucleus = nucleus.slice(1);
  }
  return ONSETS.has(onset) && NUCLEI.has(nucleus) && CODAS.has(coda);
}

/** Letters plus a tone as one canonical NFC syllable, or null when it is not one. */
function assemble(letters: Letter[], tone: string): string | null {
  const plain = letters
    .map((l) => l.base + l.quality)
    .join("")
    .normalize("NFC");
  if (!isSyllable(plain)) return null;
  if (!tone) return plain;
  const first = letters.findIndex((l) => VOWEL.test(l.base));
  const withTone = letters
    .map((l, i) => l.base + l.quality + (i === first ? tone : ""))
    .join("")
    .normalize("NFC");
  return canonicalTone(withTone);
}

/** Apply a vowel-quality key to the vowels before position `at` (or all when the key trails). */
function applyQuality(letters: Letter[], key: "w" | "6" | "7" | "8"): boolean {
  const vowels = letters.map((l, i) => (VOWEL.test(l.base) && !l.quality ? i : -1)).filter((i) => i >= 0);
  if (!vowels.length) return false;
  const word = letters.map((l) => l.base).join("");
  const uo = word.indexOf("uo");
  if ((key === "w" || key === "7") && uo >= 0 && !letters[uo].quality && !letters[uo + 1].quality) {
    letters[uo].quality = letters[uo + 1].quality = HORN;
    return true;
  }
  // The nearest vowel the key can mark, from the end.
  for (let k = vowels.length - 1; k >= 0; k--) {
    const l = letters[vowels[k]];
    const q =
      key === "6"
        ? /[aeo]/.test(l.base)
          ? CIRCUMFLEX
          : ""
        : key === "8"
          ? l.base === "a"
            ? BREVE
            : ""
          : key === "7"
            ? /[ou]/.test(l.base)
              ? HORN
              : ""
            : l.base === "a"
              ? BREVE
              : /[ou]/.test(l.base)
                ? HORN
                : "";
    if (q) {
      l.quality = q;
      return true;
    }
  }
  return false;
}

/** A Telex-typed word (ddamf, hoaf, tuowng, nguyeenx) as its syllable, or null. */
export function decodeTelex(word: string): string | null {
  const s = word.toLowerCase();
  if (!/^[a-z]+$/.test(s)) return null;
  const letters: Letter[] = [];
  let tone = "";
  let keys = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const prev = letters[letters.length - 1];
    const seenVowel = letters.some((l) => VOWEL.test(l.base));
    if (ch in TONE_MARK && seenVowel) {
      if (tone) return null;
      tone = TONE_MARK[ch as keyof typeof TONE_MARK];
      keys++;
    } else if (ch === "w") {
      if (!applyQuality(letters, "w")) return null;
      keys++;
    } else if (ch === "d" && prev?.base === "d" && letters.length === 1 && !prev.quality) {
      prev.base = "đ";
      keys++;
    } else if (/[aeo]/.test(ch) && prev?.base === ch && !prev.quality) {
      prev.quality = CIRCUMFLEX;
      keys++;
    } else if (ch === "z" || ch === "j" || ch === "f") {
      return null;
    } else {
      letters.push({ base: ch, quality: "" });
    }
  }
  return keys ? assemble(letters, tone) : null;
}

/** A VNI-typed word (d9a2m, hoa2, tuo7ng) as its syllable, or null. */
export function decodeVni(word: string): string | null {
  const s = word.toLowerCase();
  if (!/^[a-z1-9]+$/.test(s) || !/\d/.test(s) || !/^[a-z]/.test(s)) return null;
  const letters: Letter[] = [];
  let tone = "";
  for (const ch of s) {
    if (ch in VNI_TONE) {
      if (tone) return null;
      tone = VNI_TONE[ch];
    } else if (ch === "9") {
      if (letters[0]?.base !== "d") return null;
      letters[0].base = "đ";
    } else if (ch === "6" || ch === "7" || ch === "8") {
      if (!applyQuality(letters, ch)) return null;
    } else {
      letters.push({ base: ch, quality: "" });
    }
  }
  return assemble(letters, tone);
}

/** The syllable a word typed with Telex or VNI keys stands for, or null. */
export function decodeTyped(word: string): string | null {
  const out = /\d/.test(word) ? decodeVni(word) : decodeTelex(word);
  if (!out) return null;
  // Keep a capital letter where it was typed (Hoaf → Hoà).
  return word[0] !== word[0].toLowerCase() ? out[0].toUpperCase() + out.slice(1) : out;
}
