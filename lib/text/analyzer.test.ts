import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, hasMarks, joins, normalize, tokenize } from "@/lib/text/analyzer";

const terms = (s: string) => tokenize(s).map((t) => t.term);
const texts = (s: string) => tokenize(s).map((t) => t.text);

/** Random Vietnamese-looking text: syllables from a small alphabet of marked letters. */
const vietText = fc
  .array(fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ,.-“”‘’0123456789/HÒA".split("")), {
    maxLength: 60,
  })
  .map((cs) => cs.join(""));

describe("normalize and fold", () => {
  it("lowercases and canonicalises tone placement", () => {
    expect(normalize("Hòa Bình")).toBe("hoà bình");
    expect(normalize("THỦY")).toBe("thuỷ");
  });

  it("folds marks and đ", () => {
    expect(fold("Đường")).toBe("duong");
    expect(fold("hoà")).toBe(fold("hòa"));
    expect(hasMarks("đi")).toBe(true);
    expect(hasMarks("trump")).toBe(false);
  });

  it("treats NFC and NFD alike", () => {
    fc.assert(
      fc.property(vietText, (s) => {
        expect(normalize(s.normalize("NFD"))).toBe(normalize(s.normalize("NFC")));
        expect(fold(s.normalize("NFD"))).toBe(fold(s));
      }),
    );
  });

  it("folding is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(vietText, fc.string()), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        expect(normalize(normalize(s))).toBe(normalize(s));
      }),
    );
  });
});

describe("tokenize", () => {
  it("keeps offsets into the original text", () => {
    const text = "  Nhà Trắng: “hòa bình”!";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(terms(text)).toEqual(["nhà", "trắng", "hoà", "bình"]);
  });

  it("gives the same tokens for NFC/NFD and old/new tone placement", () => {
    const a = tokenize("Hòa bình, sức khỏe và thủy lợi".normalize("NFD"));
    const b = tokenize("Hoà bình, sức khoẻ và thuỷ lợi");
    expect(a.map((t) => [t.term, t.folded])).toEqual(b.map((t) => [t.term, t.folded]));
  });

  it("keeps numbers and dates whole", () => {
    expect(texts("giá 6.300 đồng, tăng 7,5% ngày 25/4 và 25/4/2025.")).toEqual(["giá", "6.300", "đồng", "tăng", "7,5", "ngày", "25/4", "và", "25/4/2025"]);
    expect(texts("năm 2017. Rồi")).toEqual(["năm", "2017", "Rồi"]);
  });

  it("splits hyphenated names but joins their parts", () => {
    const text = "Kim Jong-un, “Nhà Trắng”. Mới";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["Kim", "Jong", "un", "Nhà", "Trắng", "Mới"]);
    const joined = tokens.slice(1).map((t, i) => joins(text, tokens[i], t));
    expect(joined).toEqual([true, true, false, true, false]);
  });

  it("does not join across line breaks", () => {
    const text = "đàm\nphán";
    const [a, b] = tokenize(text);
    expect(joins(text, a, b)).toBe(false);
  });

  it("never throws and every token is a slice of the text", () => {
    fc.assert(
      fc.property(fc.oneof(vietText, fc.string(), fc.string({ unit: "binary" })), (s) => {
        for (const t of tokenize(s)) {
          expect(s.slice(t.start, t.end)).toBe(t.text);
          expect(t.folded).toBe(fold(t.term));
        }
      }),
    );
  });
});
