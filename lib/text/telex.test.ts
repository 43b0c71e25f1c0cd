import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "@/lib/text/analyzer";
import { decodeTelex, decodeTyped, decodeVni, isSyllable } from "@/lib/text/telex";
// The encoder lives with the eval, written independently of the decoder.
import { typeWord as encode } from "../../scripts/eval/typing";

/** Every lowercase word of the bundled seeds that is a Vietnamese syllable with a mark. */
function vocabulary(): string[] {
  const dir = path.resolve(__dirname, "../../seeds");
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    for (const t of tokenize(readFileSync(path.join(dir, file), "utf8"))) {
      const w = t.text.normalize("NFC").toLowerCase();
      const plain = w
        .normalize("NFD")
        .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")
        .normalize("NFC");
      // "oo" (xoong) is typed like "ô" in Telex: the one ambiguous spelling, left out.
      if (w !== t.folded && isSyllable(plain) && !plain.includes("oo")) words.add(t.term);
    }
  }
  return [...words].sort();
}

describe("decodeTelex / decodeVni", () => {
  it("decodes the examples people type", () => {
    expect(decodeTelex("hoaf")).toBe("hoà");
    expect(decodeTelex("binhf")).toBe("bình");
    expect(decodeTelex("ddamf")).toBe("đàm");
    expect(decodeTelex("ddaamf")).toBe("đầm");
    expect(decodeTelex("phans")).toBe("phán");
    expect(decodeTelex("tuowng")).toBe("tương");
    expect(decodeTelex("nguyeenx")).toBe("nguyễn");
    expect(decodeTelex("truwowngf")).toBe("trường");
    expect(decodeVni("hoa2")).toBe("hoà");
    expect(decodeVni("bi2nh")).toBe("bình");
    expect(decodeVni("d9a2m")).toBe("đàm");
    expect(decodeVni("pha1n")).toBe("phán");
    expect(decodeVni("tuo7ng")).toBe("tương");
    expect(decodeTyped("Hoaf")).toBe("Hoà");
  });

  it("leaves words without keys, foreign words and numbers alone", () => {
    for (const w of ["hoa", "lai", "Putin", "news", "Harris", "2025", "G7", "H5N1", "A320", "xyz"]) {
      expect(decodeTyped(w), w).toBeNull();
    }
  });

  it("gives back the syllable for every marked syllable of the seeds, typed either way", () => {
    const vocab = vocabulary();
    expect(vocab.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.constantFrom(...vocab), fc.constantFrom("telex" as const, "vni" as const), fc.boolean(), (s, scheme, end) => {
        const typed = encode(s, scheme, end);
        expect(decodeTyped(typed), typed).toBe(s);
      }),
      { numRuns: 2000 },
    );
    // And exhaustively, tone at the end (the most common way to type).
    for (const s of vocab) {
      expect(decodeTyped(encode(s, "telex", true)), s).toBe(s);
      expect(decodeTyped(encode(s, "vni", true)), s).toBe(s);
    }
  });
});
