import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { RawArticle } from "@/lib/corpus/types";
import { analyse, analyseRecords, type Analyser, type AnalysedRecord } from "@/lib/index/analysis";
import { WorkerAnalyser } from "@/lib/index/analysis-pool";
import type { CorpusRecord } from "@/lib/index/corpus-files";

const TODAY = "2026-11-26";

function raw(i: number, body = `Hà Nội - Ông Nguyễn Văn An cho biết giá vàng hôm nay tăng mạnh, bài số ${i}.`): RawArticle {
  return { id: `a${i}`, file: "a.jsonl", format: "jsonl", title: `Giá vàng tăng ${i}`, body, date: null, outlet: null, url: null };
}

async function* fromList(records: CorpusRecord[]): AsyncGenerator<CorpusRecord> {
  for (const r of records) yield r;
}

async function collect(gen: AsyncIterable<AnalysedRecord>): Promise<AnalysedRecord[]> {
  const out: AnalysedRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** An analyser on this thread whose batches finish in a random order. */
function shuffled(delays: number[]): Analyser {
  let k = 0;
  return {
    run: (raws, today) => new Promise((resolve) => setTimeout(() => resolve(raws.map((r) => analyse(r, today))), delays[k++ % delays.length])),
    close: async () => undefined,
  };
}

describe("analyseRecords", () => {
  it("yields every record in the source's order, skips included, whether analysed here or elsewhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 120 }), fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }), async (kinds, delays) => {
        const records: CorpusRecord[] = kinds.map((isSkip, i) =>
          isSkip ? { skipped: { source: `a.jsonl:${i}`, reason: "bad line" } } : { raw: raw(i), line: i + 1 },
        );
        const here = await collect(analyseRecords(fromList(records), TODAY, null));
        const elsewhere = await collect(analyseRecords(fromList(records), TODAY, shuffled(delays)));
        expect(elsewhere).toEqual(here);
        expect(here.map((r) => ("skipped" in r ? r.skipped.source : r.raw.id))).toEqual(records.map((r) => ("skipped" in r ? r.skipped.source : r.raw.id)));
      }),
      { numRuns: 30 },
    );
  });

  it("turns an article that cannot be prepared into its error, and stops on an analyser that fails", async () => {
    const broken = { ...raw(1), body: null } as unknown as RawArticle;
    const [r] = await collect(analyseRecords(fromList([{ raw: broken, line: 1 }]), TODAY, null));
    expect("analysis" in r && "error" in r.analysis).toBe(true);
    const failing: Analyser = { run: () => Promise.reject(new Error("worker died")), close: async () => undefined };
    await expect(collect(analyseRecords(fromList([{ raw: raw(1), line: 1 }]), TODAY, failing))).rejects.toThrow("worker died");
  });
});

describe("WorkerAnalyser", () => {
  const pool = new WorkerAnalyser(2);
  afterAll(() => pool.close());

  it("gives what analyse gives on this thread, in order", async () => {
    const raws = [
      raw(0),
      raw(1, "Trận đấu giữa Việt Nam và Thái Lan tại Mỹ Đình. HLV Park Hang-seo hài lòng."),
      { ...raw(2), body: null } as unknown as RawArticle,
      raw(3, ""),
    ];
    const results = await Promise.all([pool.run(raws.slice(0, 2), TODAY), pool.run(raws.slice(2), TODAY)]);
    expect(results.flat()).toEqual(raws.map((r) => analyse(r, TODAY)));
  });
});
