import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { endsWithPhrase, endsWithPhraseSet, lastWordsOf, phrasesOf, walkedPhrases } from "@/lib/corpus/ends-with-phrase-set";

const PHRASES = ["hlv", "tiền đạo", "luyện viên", "a b c"];
const naive = (text: string) => PHRASES.some((p) => text === p || text.endsWith(` ${p}`));

describe("endsWithPhraseSet", () => {
  const ends = endsWithPhraseSet(PHRASES);

  it("matches a phrase of one, two or three words ending the text after a space, or the whole text", () => {
    expect(ends("theo HLV hlv")).toBe(true);
    expect(ends("hlv")).toBe(true);
    expect(ends("cú sút của tiền đạo")).toBe(true);
    expect(ends("tiền đạo")).toBe(true);
    expect(ends("huấn luyện viên")).toBe(true);
    expect(ends("x a b c")).toBe(true);
    expect(ends("a b c")).toBe(true);
  });

  it("does not match a phrase glued to the word before it, not ending the text, or a text ending with a space", () => {
    expect(ends("xhlv")).toBe(false);
    expect(ends("cựu tiền đạo ")).toBe(false);
    expect(ends("hlv của")).toBe(false);
    expect(ends("ab c")).toBe(false);
    expect(ends("")).toBe(false);
    expect(ends(" ")).toBe(false);
  });

  it("answers as the loop over the phrases does on texts built of their words, spaces and other words", () => {
    const pieces = ["hlv", "tiền", "đạo", "luyện", "viên", "a", "b", "c", "x", " ", "  ", ""];
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let n = 0; n < 5000; n++) {
      const parts: string[] = [];
      const len = 1 + (n % 6);
      for (let i = 0; i < len; i++) parts.push(pieces[next()]);
      const text = parts.join(n % 3 === 0 ? "" : " ");
      expect(ends(text), JSON.stringify(text)).toBe(naive(text));
    }
  });

  it("refuses a phrase that is not words joined by single spaces", () => {
    expect(() => endsWithPhraseSet(["tiền  đạo"])).toThrow();
    expect(() => endsWithPhraseSet([" hlv"])).toThrow();
    expect(() => endsWithPhraseSet([""])).toThrow();
  });
});

/** What `endsWithPhrase` answers, by splitting the text: its last four words, each lowercased and without opening marks, the last without an abbreviation's full stop. */
function naiveBefore(before: string, phrases: ReadonlySet<string>): boolean {
  if (!/\s$/.test(before)) return false;
  const body = before.replace(/ +$/, "");
  // A run of spaces opening the text opens no word.
  const words = body.split(/ +/).filter((w, i) => i > 0 || w !== "");
  const last = words.slice(-4).map((w, i, all) => {
    const word = w.toLowerCase().replace(/^[("“'‘]+/, "");
    return i === all.length - 1 && word.length <= 3 ? word.replace(/\.$/, "") : word;
  });
  for (let k = 1; k <= last.length; k++) if (phrases.has(last.slice(-k).join(" "))) return true;
  return false;
}

describe("endsWithPhrase (the text before a name)", () => {
  const TITLES = new Set(["ông", "tổng thống", "phó thủ tướng chính", "tp", "a b c d", "hlv"]);

  it("matches a title of one to four words before the name, whatever its case, after an opening mark or with an abbreviation's full stop", () => {
    expect(endsWithPhrase("theo Tổng thống ", TITLES)).toBe(true);
    expect(endsWithPhrase("cho biết ÔNG ", TITLES)).toBe(true);
    expect(endsWithPhrase("(ông ", TITLES)).toBe(true);
    expect(endsWithPhrase("“HLV  ", TITLES)).toBe(true);
    expect(endsWithPhrase("ở TP. ", TITLES)).toBe(true);
    expect(endsWithPhrase("x A B C D ", TITLES)).toBe(true);
    expect(endsWithPhrase("Phó Thủ tướng Chính ", TITLES)).toBe(true);
  });

  it("does not match without the space before the name, a phrase glued to a word, a longer word's full stop or a fifth word", () => {
    expect(endsWithPhrase("theo ông", TITLES)).toBe(false);
    expect(endsWithPhrase("bông ", TITLES)).toBe(false);
    expect(endsWithPhrase("nhà hlv. ", TITLES)).toBe(false);
    expect(endsWithPhrase("a b c d e ", new Set(["a b c d e"]))).toBe(false);
    expect(endsWithPhrase("", TITLES)).toBe(false);
    expect(endsWithPhrase("   ", TITLES)).toBe(false);
  });

  it("answers as splitting the text does, on texts built of phrase words, marks, spaces and other words", () => {
    const pieces = ["Ông", "ông", "tổng", "Thống", "TP.", "tp", "hlv.", "(", "“ông", "a", "b", "C", "d", "x", " ", "  ", "\u00a0", ""];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    let matched = 0;
    for (let n = 0; n < 8000; n++) {
      const parts: string[] = [];
      for (let i = 0, len = 1 + (n % 7); i < len; i++) parts.push(pieces[next()]);
      // Most texts before a name end with one space; some with two, none or another space character.
      const before = parts.join(" ") + ["", " ", " ", "  ", "\u00a0"][n % 5];
      const answer = naiveBefore(before, TITLES);
      if (answer) matched++;
      expect(endsWithPhrase(before, TITLES), JSON.stringify(before)).toBe(answer);
    }
    // Both answers occur, so the comparison says something.
    expect(matched).toBeGreaterThan(500);
    expect(matched).toBeLessThan(7500);
  });

  it("lists the last one to four words before the name, the shortest first", () => {
    expect(phrasesOf("nói với Phó Thủ tướng ")).toEqual(["tướng", "thủ tướng", "phó thủ tướng", "với phó thủ tướng"]);
    expect(phrasesOf("Thủ tướng")).toEqual([]);
  });

  it("lists them from one lowercased slice as the word-by-word walk does, whatever the spaces, marks, full stops and casing", () => {
    // Spaces in runs, opening marks, abbreviations, a letter whose lowercase is longer (İ), a final sigma.
    const char = fc.constantFrom(..."  Aa Đđ Ễễ Bb TP.(“\"'‘İΣσΟ\u00a0\t");
    const text = fc.array(char, { maxLength: 30 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, (s) => {
        expect(phrasesOf(s), JSON.stringify(s)).toEqual(walkedPhrases(s));
      }),
      { numRuns: 20000 },
    );
    expect(phrasesOf("ở TP. ")).toEqual(walkedPhrases("ở TP. "));
    expect(phrasesOf("ở TP. ")).toEqual(["tp", "ở tp"]);
    expect(phrasesOf("bà  (Lan  ")).toEqual(["lan", "bà lan"]);
  });

  it("takes each phrase's last word, for the first test of a text", () => {
    expect([...lastWordsOf(TITLES)].sort()).toEqual(["chính", "d", "hlv", "thống", "tp", "ông"].sort());
  });
});
