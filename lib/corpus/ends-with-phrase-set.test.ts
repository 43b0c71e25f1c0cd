import { describe, expect, it } from "vitest";
import { endsWithPhraseSet } from "@/lib/corpus/ends-with-phrase-set";

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
