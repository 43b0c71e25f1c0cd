import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { encodeBlockDocStore, encodeDocStore } from "@/lib/index/docstore";
import { readIndexFile, writeIndexFile } from "@/lib/index/format";
import { loadSegment, memorySegment, saveSegment } from "@/lib/index/segment";
import { adoptPairFilter, mayHold, pairFilter } from "@/lib/search/pair-filter";
import { buildRankIndex, tokenAt } from "@/lib/search/rank-index";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "segment-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const articles = [
  testArticle({ id: "a", title: "Đàm phán hòa bình", paragraphs: ["Hai bên đàm phán về hòa bình tại Nhà Trắng."] }),
  testArticle({ id: "b", title: "Giá xăng tăng", paragraphs: ["Giá xăng tăng 300 đồng mỗi lít từ chiều nay."] }),
  testArticle({ id: "c", title: "Bão số 1", paragraphs: ["Bão số 1 suy yếu thành áp thấp nhiệt đới."] }),
];

function freshSegment(name: string) {
  const items = articles.map((article, line) => ({ article, line }));
  return { items, segment: memorySegment(name, items, buildRankIndex(articles)) };
}

test("a loaded segment searches with the pair filter saved with it, equal to one built from its stream", async () => {
  const { items, segment } = freshSegment("s1");
  const built = pairFilter(segment.rank);
  await saveSegment(dir, items, segment);
  const loaded = loadSegment(dir, "s1");
  const adopted = pairFilter(loaded.rank);
  // Saved, not rebuilt: the loaded filter's arrays are views over the segment file's bytes.
  expect(adopted.bits.buffer.byteLength).toBeGreaterThan(adopted.bits.byteLength + adopted.start.byteLength);
  expect(Array.from(adopted.start)).toEqual(Array.from(built.start));
  expect(Array.from(adopted.bits)).toEqual(Array.from(built.bits));
  // And it still answers: every adjacent pair of an article's tokens may be held by it.
  const { stream, docStart, foldedOf, foldedHash } = loaded.rank;
  let pairs = 0;
  for (let d = 0; d < loaded.rank.n; d++) {
    for (let i = docStart[d] + 1; i < docStart[d + 1]; i++) {
      const [p, q] = [tokenAt(stream, i - 1), tokenAt(stream, i)];
      if (p < 0 || q < 0) continue;
      pairs++;
      expect(mayHold(adopted, d, foldedHash[foldedOf[p]], foldedHash[foldedOf[q]])).toBe(true);
    }
  }
  expect(pairs).toBeGreaterThan(20);
});

test("a filter of the wrong size is refused, and the segment builds its own", () => {
  const { segment } = freshSegment("s2");
  const wrong = { start: new Int32Array([0, 1]), bits: new Uint32Array(1) };
  expect(adoptPairFilter(segment.rank, wrong)).toBe(false);
  expect(pairFilter(segment.rank).start.length).toBe(segment.rank.n + 1);
});

test("a segment shows a person under the fullest name its articles give (Trump, then Donald Trump)", () => {
  const trump = (name: string) => [{ id: "donald-trump", name }];
  const people = [
    { ...testArticle({ id: "a", title: "Ông Trump nói" }), persons: trump("Trump") },
    { ...testArticle({ id: "b", title: "Ông Donald Trump nói" }), persons: trump("Donald Trump") },
    { ...testArticle({ id: "c", title: "Trump lại nói" }), persons: trump("Trump") },
  ];
  const items = people.map((article, line) => ({ article, line }));
  const segment = memorySegment("p", items, buildRankIndex(people));
  expect(segment.cols.dicts.persons).toEqual([{ id: "donald-trump", name: "Donald Trump" }]);
});

test("a segment's facet values are in Vietnamese alphabetical order, and each article still points at its own", () => {
  const person = (name: string) => ({ id: name.toLowerCase().replaceAll(" ", "-"), name });
  const outlet = (name: string) => ({ id: name.toLowerCase(), name });
  const people = [
    { ...testArticle({ id: "a", title: "Một" }), persons: [person("Vũ Đức Đam"), person("Đinh La Thăng")], outlet: outlet("Zing") },
    { ...testArticle({ id: "b", title: "Hai" }), persons: [person("Dương Văn An")], outlet: outlet("Dân trí") },
    { ...testArticle({ id: "c", title: "Ba" }), persons: [person("Ánh Viên"), person("Vũ Đức Đam")], outlet: null },
  ];
  const items = people.map((article, line) => ({ article, line }));
  const { cols } = memorySegment("p", items, buildRankIndex(people));
  expect(cols.dicts.persons.map((e) => e.name)).toEqual(["Ánh Viên", "Dương Văn An", "Đinh La Thăng", "Vũ Đức Đam"]);
  expect(cols.dicts.outlets.map((e) => e.name)).toEqual(["Dân trí", "Zing"]);
  people.forEach((article, d) => {
    const held = Array.from(cols.personVals.subarray(cols.personStart[d], cols.personStart[d + 1]), (v) => cols.dicts.persons[v].name);
    expect(held).toEqual(article.persons.map((e) => e.name));
    expect(cols.outlet[d] < 0 ? null : cols.dicts.outlets[cols.outlet[d]].name).toBe(article.outlet?.name ?? null);
  });
});

const many = Array.from({ length: 19 }, (_, i) => ({
  ...testArticle({ id: `m${i}`, title: `Bài số ${i}`, paragraphs: [`Đoạn văn thứ ${i} về "giá xăng" và hòa bình.`] }),
  captions: i % 3 ? [] : [`Ảnh ${i}`],
}));

test.each([
  ["8-article blocks (before per-article blocks)", "store.offsets", "store.crcs", "", () => encodeBlockDocStore(many)],
  ["per-article JSON blocks (before the text layout)", "store.articleOffsets", "store.articleCrcs", "store.dictionary", () => encodeDocStore(many, "json")],
] as const)("a segment saved with %s loads and gives back every article", async (_, offsetsName, crcsName, dictionaryName, encode) => {
  const items = many.map((article, line) => ({ article, line }));
  await saveSegment(dir, items, memorySegment("old", items, buildRankIndex(many)));
  // Rewrite the saved pair as the older code wrote it, under its names.
  const segFile = path.join(dir, "old.seg");
  const { json, arrays } = readIndexFile(segFile, "segment");
  const { chunks, index } = encode();
  writeFileSync(path.join(dir, "old.docs"), Buffer.concat(chunks));
  const rest = Object.fromEntries(Object.entries(arrays).filter(([name]) => !name.startsWith("store.")));
  const dictionary: Record<string, Uint8Array> = index.dictionary && dictionaryName ? { [dictionaryName]: index.dictionary } : {};
  writeIndexFile(segFile, "segment", json, { ...rest, [offsetsName]: index.offsets, [crcsName]: index.crcs, ...dictionary });
  const loaded = loadSegment(dir, "old");
  for (const d of [18, 0, 9, 8, 17, 3]) expect(loaded.store.get(d)).toEqual(many[d]);
  loaded.store.close();
  // Saved now: the text layout with its dictionary, every older name absent (older code refuses the file).
  await saveSegment(dir, items, memorySegment("new", items, buildRankIndex(many)));
  const now = readIndexFile(path.join(dir, "new.seg"), "segment").arrays;
  expect(now["store.textOffsets"]).toHaveLength(many.length + 1);
  expect(now["store.textDictionary"]!.length).toBeGreaterThan(0);
  for (const name of ["store.offsets", "store.articleOffsets", "store.dictionary"]) expect(now[name]).toBeUndefined();
  const fresh = loadSegment(dir, "new");
  for (const d of [18, 0, 9]) expect(fresh.store.get(d)).toEqual(many[d]);
  fresh.store.close();
});
