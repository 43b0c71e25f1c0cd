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

  it("reads a code the same however it is written: its letters and digits are joined words", () => {
    const read = (s: string) => {
      const tokens = tokenize(s);
      return tokens.map((t, i) => (i > 0 && joins(s, tokens[i - 1], t) ? "+" : "") + t.term);
    };
    for (const form of ["U23", "U-23", "U 23"]) expect(read(`đội ${form} Việt Nam`)).toEqual(["đội", "+u", "+23", "+việt", "+nam"]);
    for (const form of ["COVID-19", "COVID19", "Covid 19"]) expect(read(form)).toEqual(["covid", "+19"]);
    for (const form of ["2,4-D", "2,4D", "2,4 D"]) expect(read(`${form}.`)).toEqual(["2,4", "+d"]);
    expect(read("H7N9")).toEqual(["h", "+7", "+n", "+9"]);
    // Grouped numbers stay whole: 2,5% is one word, never 2 and 5.
    expect(read("tăng 2,5%, giá 1.000đ")).toEqual(["tăng", "+2,5", "giá", "+1.000", "+đ"]);
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

describe("year ranges", () => {
  const withJoins = (s: string) => {
    const tokens = tokenize(s);
    return tokens.map((t, i) => (i > 0 && joins(s, tokens[i - 1], t) ? "+" : "") + t.term);
  };

  it("reads 2016-2017, 2016/2017, 2016/17 and 2016-17 as the two years, joined", () => {
    for (const form of ["2016-2017", "2016/2017", "2016/17", "2016-17", "2016‑17"]) {
      expect(withJoins(`mùa giải ${form}.`)).toEqual(["mùa", "+giải", "+2016", "+2017"]);
      expect(withJoins(`(${form})`)).toEqual(["2016", "+2017"]);
    }
    expect(withJoins("niên khoá 1999/00")).toEqual(["niên", "+khoá", "+1999", "+2000"]);
    expect(withJoins("giai đoạn 2016/2020")).toEqual(["giai", "+đoạn", "+2016", "+2020"]);
  });

  it("keeps each part's offsets: the two-digit half is written 17, read 2017", () => {
    const text = "mùa 2016/17 khép lại";
    const [, a, b] = tokenize(text);
    expect([a.text, a.start, a.end, a.term]).toEqual(["2016", 4, 8, "2016"]);
    expect([b.text, b.start, b.end, b.term, b.folded]).toEqual(["17", 9, 11, "2017", "2017"]);
  });

  it("leaves dates, scores, phone numbers and ids as they were", () => {
    expect(texts("ngày 17/5, 17/5/2017, tháng 5/2017, 12/2016")).toEqual(["ngày", "17/5", "17/5/2017", "tháng", "5/2017", "12/2016"]);
    expect(withJoins("thắng 2-1")).toEqual(["thắng", "+2", "+1"]);
    expect(withJoins("gọi 0912-345-678 hoặc 1900-1234")).toEqual(["gọi", "+0912", "+345", "+678", "+hoặc", "+1900", "+1234"]);
    // Not the next year, a date before it, a month after it, letters after it, spaces around it.
    expect(terms("2016/18 2016-18 25/4/2016-17 2017/05 2016/17abc 2016 - 17 2016/2030")).toEqual([
      "2016/18",
      "2016",
      "18",
      "25/4/2016",
      "17",
      "2017/05",
      "2016/17",
      "abc",
      "2016",
      "17",
      "2016/2030",
    ]);
    expect(terms("a2016-17 x-2016-17 1899-00")).toEqual(["a", "2016", "17", "x", "2016", "17", "1899", "00"]);
  });
});
