import { describe, expect, it } from "vitest";
import { frequentPhrases } from "@/lib/suggest/phrases";
import { SuggestIndex, suggestSource, type SuggestEntry } from "@/lib/suggest/suggest-index";

const p = (name: string) => ({
  id: name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ /g, "-"),
  name,
});

const entries: SuggestEntry[] = [
  { title: "Nga và Mỹ bàn về hòa bình ở Ukraine", persons: [p("Vladimir Putin"), p("Donald Trump")], outlet: p("Dân trí") },
  { title: "Kế hoạch hòa bình của Mỹ cho Ukraine", persons: [p("Donald Trump")], outlet: p("VnExpress") },
  { title: "Hòa bình, hay chỉ là ngừng bắn?", persons: [p("Vladimir Putin"), p("Volodymyr Zelensky")], outlet: p("Dân trí") },
  { title: "Ông Putin: hoà bình cần thời gian", persons: [p("Vladimir Putin")], outlet: p("Tuổi Trẻ") },
  { title: "Hội đàm Nga và Mỹ tại Alaska", persons: [p("Vladimir Putin"), p("Donald Trump")], outlet: p("Dân trí") },
];

const index = new SuggestIndex(suggestSource(entries), { minCount: 2 });
const texts = (q: string) => index.suggest(q).map((s) => s.text);

describe("frequentPhrases", () => {
  it("finds multi-syllable phrases in several titles, spelt as most titles spell them", () => {
    const phrases = frequentPhrases(
      entries.map((e) => e.title),
      { minCount: 2 },
    );
    // hòa bình / hoà bình are one phrase (tone placement), written lowercase as mid-title.
    expect(phrases.find((x) => x.text === "hòa bình")).toEqual({ text: "hòa bình", count: 4 });
    expect(phrases.map((x) => x.text)).toContain("Nga và Mỹ");
  });

  it("does not start or end a phrase with a function word, nor cross punctuation", () => {
    const phrases = frequentPhrases(
      entries.map((e) => e.title),
      { minCount: 2 },
    ).map((x) => x.text);
    expect(phrases).not.toContain("và Mỹ");
    expect(phrases).not.toContain("Nga và");
    expect(phrases.some((t) => t.includes(","))).toBe(false);
    expect(frequentPhrases(["Hòa bình, hay", "Hòa bình, hay"], { minCount: 2 }).map((x) => x.text)).toEqual(["Hòa bình"]);
  });

  it("drops phrases below the minimum count", () => {
    expect(
      frequentPhrases(
        entries.map((e) => e.title),
        { minCount: 5 },
      ),
    ).toEqual([]);
  });
});

describe("SuggestIndex.suggest", () => {
  it("completes a person's name from its first or any later word, marks optional", () => {
    expect(index.suggest("vlad")).toEqual([{ kind: "person", text: "Vladimir Putin", id: "vladimir-putin" }]);
    expect(texts("put")).toEqual(["Vladimir Putin"]);
    expect(texts("Zel")).toEqual(["Volodymyr Zelensky"]);
  });

  it("completes outlets, marks optional (dan → Dân trí)", () => {
    expect(index.suggest("dan t")).toEqual([{ kind: "outlet", text: "Dân trí", id: "dan-tri" }]);
  });

  it("completes frequent phrases from their start, with or without marks", () => {
    expect(texts("hoa b")).toContain("hòa bình");
    expect(texts("hòa b")).toContain("hòa bình");
    expect(index.suggest("hoa bi").find((s) => s.text === "hòa bình")).toEqual({ kind: "phrase", text: "hòa bình" });
  });

  it("ranks by how often the archive uses a completion", () => {
    // Vladimir Putin (4 articles) before Volodymyr Zelensky (1) and VnExpress (1).
    expect(texts("v")[0]).toBe("Vladimir Putin");
    expect(texts("v")).toEqual(expect.arrayContaining(["Volodymyr Zelensky", "VnExpress"]));
  });

  it("puts completions with the reader's own marks first", () => {
    const marked = new SuggestIndex({
      persons: [],
      outlets: [
        { id: "a", name: "Hà Nội mới", count: 1 },
        { id: "b", name: "Hạ Long", count: 9 },
      ],
      titles: [],
    });
    expect(marked.suggest("Hà").map((s) => s.text)).toEqual(["Hà Nội mới", "Hạ Long"]);
    expect(marked.suggest("Ha").map((s) => s.text)).toEqual(["Hạ Long", "Hà Nội mới"]);
    expect(marked.suggest("hạ l").map((s) => s.text)).toEqual(["Hạ Long"]);
  });

  it("does not offer a phrase that is already a name", () => {
    expect(index.suggest("donald").map((s) => s.kind)).toEqual(["person"]);
  });

  it("returns nothing for blank input or a prefix nothing has, and at most `limit`", () => {
    expect(index.suggest("   ")).toEqual([]);
    expect(index.suggest("xyzq")).toEqual([]);
    expect(index.suggest("v", 1)).toHaveLength(1);
  });

  it("collapses spaces and ignores case", () => {
    expect(texts("  VLADIMIR   pu")).toEqual(["Vladimir Putin"]);
  });
});
