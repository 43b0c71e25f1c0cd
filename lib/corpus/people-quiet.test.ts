import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { capitalRuns } from "@/lib/corpus/char-class";
import { readRawArticles } from "@/lib/corpus/load";
import { type Candidate, findCandidates, isVietnameseName, mentionsInRun, nameKey, quietWord } from "@/lib/corpus/people";
import { prepareArticle } from "@/lib/corpus/prepare";

const SEEDS = path.resolve(__dirname, "../../seeds");

// Texts where one-word runs stand at a sentence's start and inside one, alone and before names.
const TEXTS = [
  "Trong khi đó, Theo Reuters, Mỹ và Nga đàm phán. Theo ông Trump, Mỹ sẽ rút quân.",
  "Ông nói: Trong năm nay, Nga tăng chi. “Tuy vậy, Mỹ vẫn chờ.” - Sau đó Trump rời đi.",
  "Sau trận, HLV Park nói Theo Walcott chơi tốt; Mỹ Tâm hát, Nga cười và Hà Nội mưa.",
  "Các nước châu Âu họp. Những người Việt ở Pháp, Đức và Ý theo dõi Macron.",
];

/** Every one-word capital run of `text`: its start and word. */
function oneWordRuns(text: string): [number, string][] {
  const runs = capitalRuns(text);
  const out: [number, string][] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const w = text.slice(runs[r], runs[r + 1]);
    if (!w.includes(" ")) out.push([runs[r], w]);
  }
  return out;
}

describe("quietWord", () => {
  let texts: string[] = [];
  beforeAll(async () => {
    const { raws } = await readRawArticles(SEEDS);
    texts = [...TEXTS, ...raws.flatMap((r) => (({ title, paragraphs }) => [title, ...paragraphs])(prepareArticle(r)))];
  });

  it("says quiet only of one-word runs that make no candidate (the seeds and sample texts)", () => {
    let quiet = 0;
    let loud = 0;
    for (const text of texts) {
      for (const [at, w] of oneWordRuns(text)) {
        const out: Candidate[] = [];
        mentionsInRun(text, at, [w], 0, out);
        if (quietWord(text, at, w)) {
          quiet++;
          expect(out, `${w} in "${text}"`).toEqual([]);
        } else if (out.length) loud++;
      }
    }
    // Both kinds occur, so the check above is not empty.
    expect(quiet).toBeGreaterThan(50);
    expect(loud).toBeGreaterThan(50);
  });

  it("keeps a sentence word inside a sentence and a name after a place", () => {
    const text = TEXTS[2];
    const at = text.indexOf("Theo Walcott");
    expect(quietWord(text, at, "Theo")).toBe(false);
    expect(quietWord(TEXTS[0], 0, "Trong")).toBe(true);
    expect(quietWord(TEXTS[0], TEXTS[0].indexOf("Mỹ"), "Mỹ")).toBe(true);
  });

  it("gives every candidate of the seeds the key and vn of its words (people-key.test.ts)", () => {
    const found = findCandidates(texts);
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter((m) => m.key !== nameKey(m.words) || m.vn !== isVietnameseName(m.words)).map((m) => m.words.join(" "))).toEqual([]);
  });
});
