import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import {
  ABBREVIATION_MIN_ARTICLES,
  ABBREVIATION_SHARE,
  AbbreviationReader,
  archiveAbbreviations,
  besideShort,
  PHRASE_SYLLABLES,
  pickByPhrase,
  pickLongForm,
  readAbbreviations,
  type LongForm,
} from "@/lib/search/abbreviations";
import { createMatcher } from "@/lib/search/matcher";
import { parseQuery } from "@/lib/search/query-parse";
import { splitRunTogether } from "@/lib/search/run-together";

// Four reports write `TQ` in the title and `Trung Quốc` in the body; one writes only the long form,
// one only the short; `FBI` is written in three articles that never write a phrase f… b… i….
const both = Array.from({ length: 4 }, (_, i) =>
  testArticle({
    id: `both${i}`,
    title: `Cảng mới của TQ số ${i}`,
    paragraphs: [`${["Phía", "Nay", "Hôm qua", "Sau đó"][i]} Trung Quốc ${["mở", "xây", "thuê", "bán"][i]} cảng biển số ${i} ở phía nam.`],
  }),
);
const fbi = Array.from({ length: 3 }, (_, i) =>
  testArticle({ id: `fbi${i}`, title: `FBI điều tra vụ ${i}`, paragraphs: [`Cơ quan FBI mở hồ sơ vụ ${i} ở Mỹ.`] }),
);
const filler = Array.from({ length: 20 }, (_, i) => testArticle({ id: `other${i}`, title: `Giá lúa tuần ${i}`, paragraphs: [`Giá lúa tuần ${i} tăng nhẹ.`] }));
const articles = [
  ...both,
  ...fbi,
  ...filler,
  testArticle({ id: "long", title: "Trung Quốc bắt tàu cá", paragraphs: ["Tàu cá bị Trung Quốc bắt giữ ở biển."] }),
  testArticle({ id: "short", title: "Tàu cá bị TQ bắt", paragraphs: ["Tàu cá bị bắt ngoài khơi."] }),
  testArticle({ id: "fbi-case", title: "FBI bắt nghi phạm", paragraphs: ["Nghi phạm bị bắt tại nhà."] }),
];

const ids = (on: boolean, q: string) =>
  createMatcher(articles, { abbreviations: on, abbreviationLong: 2 })
    .match(q)!
    .top(10)
    .map((h) => h.seg.rank.ids[h.d])
    .sort();

describe("abbreviations read from the archive", () => {
  const archive = memoryArchive(articles);
  const lex = archive.lexicon;
  const reader = new AbbreviationReader(archiveAbbreviations(archive));

  it("learns the long form the short form's articles also write", () => {
    const long = reader.longForm(lex.foldedId.get("tq")!);
    expect(long?.syllables.map((s) => lex.foldedTerm[s])).toEqual(["trung", "quoc"]);
    expect(long?.spelling.map((e) => lex.exactTerm[e])).toEqual(["trung", "quốc"]);
    // Five articles with `tq`, four of them writing the long form too.
    expect(long).toMatchObject({ together: 4, sampled: 5 });
  });

  it("leaves alone a capitalised word whose long form the archive does not write", () => {
    expect(reader.longForm(lex.foldedId.get("fbi")!)).toBeNull();
    const typed = splitRunTogether(lex, parseQuery("FBI bắt nghi phạm"));
    expect(readAbbreviations(reader, typed)).toBe(typed);
  });

  it("reads a short form typed as its long form's words, each also matching the short form", () => {
    const read = readAbbreviations(reader, splitRunTogether(lex, parseQuery("TQ bắt tàu")));
    expect(read.words.map((w) => w.text)).toEqual(["Trung", "Quốc", "bắt", "tàu"]);
    expect(read.words[1].joinsPrev).toBe(true);
    // Typed in lower case, an abbreviation of consonants only is read too.
    expect(readAbbreviations(reader, splitRunTogether(lex, parseQuery("tq bắt tàu"))).words.map((w) => w.text)).toEqual(["Trung", "Quốc", "bắt", "tàu"]);
    expect(read.whole.map((f) => (f >= 0 ? lex.foldedTerm[f] : ""))).toEqual(["tq", "tq", "", ""]);
  });

  it("reads a long form typed as also matching its short form", () => {
    // Two words: read so only when asked (LONG_FORM_WORDS is 3).
    expect(readAbbreviations(reader, splitRunTogether(lex, parseQuery("trung quốc bắt tàu"))).whole.every((f) => f < 0)).toBe(true);
    const read = readAbbreviations(reader, splitRunTogether(lex, parseQuery("trung quốc bắt tàu")), 2);
    expect(read.words.map((w) => w.text)).toEqual(["trung", "quốc", "bắt", "tàu"]);
    expect(read.whole.map((f) => (f >= 0 ? lex.foldedTerm[f] : ""))).toEqual(["tq", "tq", "", ""]);
  });

  it("an abbreviation finds the long form's article, and the long form the abbreviation's", () => {
    expect(ids(true, "TQ bắt tàu cá")).toEqual(["long", "short"]);
    expect(ids(false, "TQ bắt tàu cá")).toEqual(["short"]);
    // Typed last, in capitals, it is a whole word, not one being typed.
    expect(ids(true, "tàu cá bị TQ")).toEqual(["long", "short"]);
    expect(ids(false, "tàu cá bị TQ")).toEqual(["short"]);
    expect(ids(true, "Trung Quốc bắt tàu cá")).toEqual(["long", "short"]);
    expect(ids(false, "Trung Quốc bắt tàu cá")).toEqual(["long"]);
    // Highlights mark the form the article writes.
    const marked = (q: string, text: string) =>
      createMatcher(articles, { abbreviationLong: 2 })
        .highlight(text, q)
        .filter((seg) => seg.mark)
        .map((seg) => seg.text)
        .join(" | ");
    expect(marked("Trung Quốc bắt tàu cá", "Tàu cá bị TQ bắt")).toBe("Tàu cá | TQ bắt");
    expect(marked("TQ bắt tàu cá", "Tàu cá bị Trung Quốc bắt")).toBe("Tàu cá | Trung Quốc bắt");
    // A name with no long form finds what it found before.
    expect(ids(true, "FBI bắt nghi phạm")).toEqual(ids(false, "FBI bắt nghi phạm"));
  });
});

describe("a piece of a longer phrase", () => {
  it("is not a long form: `CNN`'s articles write `chức nhà nước` only inside `công chức nhà nước`", () => {
    const cnn = Array.from({ length: 4 }, (_, i) =>
      testArticle({
        id: `cnn${i}`,
        title: `CNN đưa tin số ${i}`,
        paragraphs: [`Theo CNN, lương công chức nhà nước ${["tăng", "giảm", "giữ", "đổi"][i]} từ tháng ${i}.`],
      }),
    );
    const archive = memoryArchive([...cnn, ...filler]);
    const lex = archive.lexicon;
    const reader = new AbbreviationReader(archiveAbbreviations(archive));
    const cnnId = lex.foldedId.get("cnn")!;
    // The phrase is there, written with the short form in every article: only the word before it rules it out.
    expect(reader.candidates(cnnId).map((c) => c.syllables.map((f) => lex.foldedTerm[f]).join(" "))).not.toContain("chuc nha nuoc");
    expect(reader.longForm(cnnId)).toBeNull();
  });
});

describe("a word written beside the long form and the short form alike", () => {
  // Five reports write `các khu công nghiệp` and `các KCN`: `các` is before the phrase every time,
  // but it is before the short form too, so it belongs to the sentence, not to a longer phrase.
  const kcn = Array.from({ length: 5 }, (_, i) =>
    testArticle({
      id: `kcn${i}`,
      title: `Các KCN phía ${["bắc", "nam", "đông", "tây", "trung"][i]} tuyển công nhân`,
      paragraphs: [`Các khu công nghiệp ${["ở tỉnh A", "phía bắc", "mới", "của tỉnh B", "lớn"][i]} cần thêm ${i + 2} nghìn lao động.`],
    }),
  );
  // Three reports write `công chức nhà nước` and `CNN`, never `công CNN`: `chức nhà nước` stays a piece.
  const cnn = Array.from({ length: 3 }, (_, i) =>
    testArticle({ id: `cnn${i}`, title: `Theo CNN, tin số ${i}`, paragraphs: [`Lương công chức nhà nước đợt ${i} tăng.`] }),
  );
  const archive = memoryArchive([...kcn, ...cnn, ...filler]);
  const lex = archive.lexicon;
  const reader = new AbbreviationReader(archiveAbbreviations(archive));

  it("does not make the phrase a piece of a longer one", () => {
    expect(reader.longForm(lex.foldedId.get("kcn")!)?.syllables.map((f) => lex.foldedTerm[f])).toEqual(["khu", "cong", "nghiep"]);
    expect(reader.longForm(lex.foldedId.get("cnn")!)).toBeNull();
  });

  it("counts as the sentence's only when written beside the short form as often as a long form must be", () => {
    expect(besideShort(ABBREVIATION_MIN_ARTICLES, 10)).toBe(true);
    expect(besideShort(ABBREVIATION_MIN_ARTICLES - 1, 10)).toBe(false);
    // A share of the short form's occurrences too: 3 of 1,000 is chance.
    expect(besideShort(ABBREVIATION_MIN_ARTICLES, Math.ceil(ABBREVIATION_MIN_ARTICLES / ABBREVIATION_SHARE) + 1)).toBe(false);
  });
});

describe("which long form is kept", () => {
  const lex = memoryArchive([testArticle({ id: "a" })]).lexicon;
  const c = (together: number, df: number): LongForm => ({ syllables: [together], together, sampled: 100, df, spelling: [] });

  it("keeps the phrase written with the short form most when it beats chance", () => {
    // The archive has one article: any phrase's share of it is 1, so nothing beats chance…
    expect(pickLongForm(lex, [c(50, 1)])).toBeNull();
  });

  it("keeps nothing when two phrases are written with the short form as often", () => {
    const big = { ...lex, shared: { ...lex.shared!, n: 100_000 } };
    expect(pickLongForm(big, [c(50, 10), c(20, 10)])?.together).toBe(50);
    expect(pickLongForm(big, [c(50, 10), c(50, 10)])).toBeNull();
    // A share below ABBREVIATION_SHARE, or a phrase that chance explains, is not a long form.
    expect(pickLongForm(big, [c(2, 10)])).toBeNull();
    expect(pickLongForm(big, [c(50, 40_000)])).toBeNull();
  });
});

describe("the phrase rule: a short form that has replaced its long form", () => {
  // Ten reports write `TP HCM`, three of them `Hồ Chí Minh` too (between different words); one article writes only
  // `TP Hồ Chí Minh`. The share rule reads nothing (four of thirty articles write `Hồ Chí Minh`:
  // the short form's articles write it less than three times as often), the phrase rule reads it.
  const reports = Array.from({ length: 10 }, (_, i) =>
    testArticle({
      id: `hcm${i}`,
      title: `Kẹt xe ở TP HCM ngày ${i}`,
      paragraphs: [
        i < 3 ? `Đường ở ${["Thành phố", "TP", "quận 1"][i]} Hồ Chí Minh ${["kẹt", "ngập", "đông"][i]} ${i} giờ.` : `Nhiều tuyến đường kẹt ${i} giờ.`,
      ],
    }),
  );
  const fill = Array.from({ length: 19 }, (_, i) => testArticle({ id: `fill${i}`, title: `Giá lúa tuần ${i}`, paragraphs: [`Giá lúa tuần ${i} tăng nhẹ.`] }));
  const station = testArticle({ id: "station", title: "Trạm y tế xã hội hóa", paragraphs: ["Trạm y tế ở TP Hồ Chí Minh được xã hội hóa."] });
  const glued = testArticle({ id: "glued", title: "Trạm y tế mở cửa", paragraphs: ["Trạm y tế ở TPHCM mở cửa cả ngày."] });
  const hcmArticles = [...reports, ...fill, station, glued];
  const archive = memoryArchive(hcmArticles);
  const lex = archive.lexicon;
  const hcm = lex.foldedId.get("hcm")!;
  const words = (long: LongForm | null) => long?.syllables.map((s) => lex.foldedTerm[s]);

  it("reads a long form of three syllables the short form's articles write, when the share rule does not", () => {
    expect(words(new AbbreviationReader(archiveAbbreviations(archive), PHRASE_SYLLABLES).longForm(hcm))).toEqual(["ho", "chi", "minh"]);
    expect(new AbbreviationReader(archiveAbbreviations(archive), Infinity).longForm(hcm)).toBeNull();
    // Off as landed (ABBREVIATION_PHRASE).
    expect(new AbbreviationReader(archiveAbbreviations(archive)).longForm(hcm)).toBeNull();
  });

  it("finds the article writing the long form for a query typing the short form run together, and the one writing it as typed", () => {
    const found = (phrase: number) =>
      createMatcher(hcmArticles, { abbreviationPhrase: phrase })
        .match("trạm y tế TPHCM")!
        .top(10)
        .map((h) => h.seg.rank.ids[h.d])
        .sort();
    expect(found(PHRASE_SYLLABLES)).toEqual(["glued", "station"]);
    expect(found(Infinity)).toEqual(["glued"]);
    // The part read as its long form still matches the word as typed, and the long form's syllables the part.
    const read = readAbbreviations(new AbbreviationReader(archiveAbbreviations(archive), PHRASE_SYLLABLES), splitRunTogether(lex, parseQuery("TPHCM")));
    expect(read.words.map((w) => w.folded)).toEqual(["tp", "ho", "chi", "minh"]);
    expect(read.whole.map((f) => lex.foldedTerm[f])).toEqual(["tphcm", "hcm", "hcm", "hcm"]);
    expect(read.also?.map((f) => lex.foldedTerm[f])).toEqual([undefined, "tphcm", "tphcm", "tphcm"]);
    // Highlights mark the form each article writes.
    const marked = (text: string) =>
      createMatcher(hcmArticles, { abbreviationPhrase: PHRASE_SYLLABLES })
        .highlight(text, "trạm y tế TPHCM")
        .filter((seg) => seg.mark)
        .map((seg) => seg.text)
        .join(" | ");
    expect(marked(station.paragraphs[0])).toBe("Trạm y tế | TP Hồ Chí Minh");
    expect(marked(glued.paragraphs[0])).toBe("Trạm y tế | TPHCM");
  });

  it("reads only a short form of consonants, written more than its long form, with a clear lead", () => {
    const c = (syllables: string[], together: number, df: number): LongForm => ({
      syllables: syllables.map((s) => lex.foldedId.get(s)!),
      together,
      sampled: 200,
      df,
      spelling: [],
    });
    const hoChiMinh = ["ho", "chi", "minh"];
    expect(words(pickByPhrase(lex, hcm, [c(hoChiMinh, 3, 4)]))).toEqual(hoChiMinh);
    // Fewer articles together than ABBREVIATION_MIN_ARTICLES; a long form of two syllables.
    expect(pickByPhrase(lex, hcm, [c(hoChiMinh, ABBREVIATION_MIN_ARTICLES - 1, 4)])).toBeNull();
    expect(pickByPhrase(lex, hcm, [c(["ho", "chi"], 3, 4)])).toBeNull();
    // The long form written in as many articles as the short form: the short form has not replaced it.
    expect(pickByPhrase(lex, hcm, [c(hoChiMinh, 3, 10)])).toBeNull();
    // Another phrase written with it more than half as often.
    expect(words(pickByPhrase(lex, hcm, [c(hoChiMinh, 4, 4), c(["gia", "lua", "tuan"], 2, 4)]))).toEqual(hoChiMinh);
    expect(pickByPhrase(lex, hcm, [c(hoChiMinh, 4, 4), c(["gia", "lua", "tuan"], 3, 4)])).toBeNull();
    // A short form holding a vowel may be a syllable of its own (`Đắk`).
    expect(pickByPhrase(lex, lex.foldedId.get("gia")!, [c(hoChiMinh, 3, 4)])).toBeNull();
  });
});
