import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/scripts/eval/queries";
import { ArchiveSeed, growArchive, lengthClass, type SourceArticle } from "@/lib/corpus/grow-archive";

// A tiny corpus shaped like the real one: mostly one or two paragraphs, a few long articles,
// paragraphs from 45 to about 3,000 characters.
const WORDS = ["Hà Nội", "giá vàng", "hôm nay", "tăng", "mạnh", "người dân", "chính phủ", "cho biết", "bóng đá", "trận đấu"];
const text = (n: number, k: number): string => {
  let s = "";
  for (let i = k; s.length < n; i++) s += WORDS[i % WORDS.length] + " ";
  return s.slice(0, n).trim() + ".";
};
const CORPUS: SourceArticle[] = Array.from({ length: 60 }, (_, k) => {
  const paragraphs = k % 10 === 0 ? 5 : 1 + (k % 3 === 0 ? 1 : 0);
  return {
    title: `Tin số ${k}: ${text(40 + (k % 7) * 9, k)}`,
    body: Array.from({ length: paragraphs }, (_, j) => text(45 + ((k * 397 + j * 1013) % 2960), k + j)).join("\n"),
  };
});

const seedOf = (corpus: SourceArticle[]) => {
  const seed = new ArchiveSeed();
  for (const a of corpus) seed.add(a);
  return seed;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
const paragraphs = (body: string) => body.split("\n");

describe("growArchive", () => {
  const seed = seedOf(CORPUS);
  const grown = [...growArchive(seed, { size: 3000, rand: mulberry32(7) })];

  it("is deterministic: same seed and size, same articles; another seed, others", () => {
    expect(JSON.stringify([...growArchive(seedOf(CORPUS), { size: 3000, rand: mulberry32(7) })])).toBe(JSON.stringify(grown));
    expect(JSON.stringify([...growArchive(seed, { size: 3000, rand: mulberry32(8) })])).not.toBe(JSON.stringify(grown));
  });

  it("keeps the corpus's body length distribution (quartiles, tails, mean) and paragraph counts", () => {
    const real = CORPUS.map((a) => a.body!.length);
    const generated = grown.map((a) => a.body.length);
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      expect(quantile(generated, q) / quantile(real, q)).toBeGreaterThan(0.85);
      expect(quantile(generated, q) / quantile(real, q)).toBeLessThan(1.15);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(generated) / mean(real)).toBeGreaterThan(0.95);
    expect(mean(generated) / mean(real)).toBeLessThan(1.05);
    const realCounts = CORPUS.map((a) => paragraphs(a.body!).length);
    const grownCounts = grown.map((a) => paragraphs(a.body).length);
    expect(Math.max(...grownCounts)).toBe(Math.max(...realCounts));
    expect(mean(grownCounts)).toBeCloseTo(mean(realCounts), 1);
  });

  it("fills each paragraph with a corpus paragraph of its length class, and a real title", () => {
    const corpusParagraphs = new Set(CORPUS.flatMap((a) => paragraphs(a.body!)));
    const titles = new Set(CORPUS.map((a) => a.title));
    for (const a of grown.slice(0, 200)) {
      for (const p of paragraphs(a.body)) expect(corpusParagraphs.has(p)).toBe(true);
      expect(titles.has(a.title)).toBe(true);
    }
    expect(lengthClass(1030)).toBe(lengthClass(1100));
    expect(lengthClass(1030)).not.toBe(lengthClass(1300));
  });

  it("numbers the ids and spreads the dates over the span in id order", () => {
    expect(grown[0]).toMatchObject({ id: "gen-0000000", date: "2015-01-01" });
    expect(grown.at(-1)!.id).toBe("gen-0002999");
    expect(grown.at(-1)!.date >= "2025-12-01" && grown.at(-1)!.date <= "2025-12-31").toBe(true);
    for (let i = 1; i < grown.length; i++) expect(grown[i].date >= grown[i - 1].date).toBe(true);
  });
});
