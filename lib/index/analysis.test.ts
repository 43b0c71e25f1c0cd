import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type Candidate, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { loadTagger } from "@/lib/corpus/people-tagger";
import type { RawArticle } from "@/lib/corpus/types";
import { type Analysis, analyse, analyseRecords, type Analyser, type AnalysedRecord, CandidateStore, type HeldCandidates } from "@/lib/index/analysis";
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

/**
 * Articles naming different people. The archive's evidence decides the last but one: titles
 * introduce "Varane" in three others and place words stand before "Huỳnh Tấn Phát" in three.
 */
const PEOPLE = [
  "Hà Nội - Ông Nguyễn Văn An cho biết giá vàng hôm nay tăng mạnh.",
  "Trận đấu giữa Việt Nam và Thái Lan tại Mỹ Đình. HLV Park Hang-seo hài lòng.",
  "Hậu vệ Varane chấn thương. Đường Huỳnh Tấn Phát ngập nước.",
  "Trung vệ Varane trở lại. Trên đường Huỳnh Tấn Phát có cây đổ.",
  "Tiền đạo Varane nghỉ. Tại phố Huỳnh Tấn Phát, xe cộ đông.",
  "Varane ghi bàn phút 90. Huỳnh Tấn Phát cho biết hôm nay trời mưa.",
  "Thủ tướng Shinzo Abe gặp Tổng thống Donald Trump tại Tokyo.",
].map((body, i) => raw(i, body));

/** An analysis's own candidates (not held). */
function candidatesOf(a: Analysis): Candidate[] {
  if ("error" in a || !Array.isArray(a.candidates)) throw new Error("no candidates here");
  return a.candidates;
}

/** The archive's evidence from the articles' own, and each article's people decided with it here. */
function decidedHere(analyses: Analysis[]) {
  const evidence = new PeopleEvidence();
  for (const a of analyses) if (!("error" in a)) evidence.count(a.evidence);
  const helpers = evidence.helpers(loadTagger());
  return { evidence, persons: analyses.map((a) => resolvePeople(candidatesOf(a), helpers)) };
}

describe("CandidateStore", () => {
  it("holds candidates, decides their people as resolvePeople does with the same evidence, and forgets those up to the last asked", () => {
    const analyses = PEOPLE.map((r) => analyse(r, TODAY));
    const { evidence, persons } = decidedHere(analyses);
    // The archive's evidence matters here: the tagger alone decides article 5 otherwise.
    expect(resolvePeople(candidatesOf(analyses[5]), new PeopleEvidence().helpers(loadTagger()))).not.toEqual(persons[5]);
    const store = new CandidateStore(3);
    const held = analyses.map((a) => store.hold(a));
    expect(held.map((a) => ("error" in a ? null : a.candidates))).toEqual(analyses.map((_, id) => ({ worker: 3, id })));
    expect(held.map((a) => ("error" in a ? a : { ...a, candidates: [] }))).toEqual(analyses.map((a) => ("error" in a ? a : { ...a, candidates: [] })));
    expect(store.resolve([4, 2], evidence.toData())).toEqual([persons[4], persons[2]]);
    expect(store.size).toBe(2);
    expect(() => store.resolve([0], evidence.toData())).toThrow("no candidates held under 0");
    expect(store.resolve([6, 5], evidence.toData())).toEqual([persons[6], persons[5]]);
    expect(store.size).toBe(0);
    // Nothing to hold: an article without candidates keeps its empty list, an error stays one.
    const bare = analyse({ ...raw(9, "giá vàng hôm nay tăng mạnh, theo các cửa hàng."), title: "vàng tăng giá" }, TODAY);
    expect(candidatesOf(bare)).toEqual([]);
    expect(store.hold(bare)).toEqual(bare);
    const broken = analyse({ ...raw(10), body: null } as unknown as RawArticle, TODAY);
    expect(store.hold(broken)).toEqual(broken);
    expect(store.size).toBe(0);
  });
});

describe("WorkerAnalyser", () => {
  const pool = new WorkerAnalyser(2, { hold: false });
  const holding = new WorkerAnalyser(2);
  afterAll(() => Promise.all([pool.close(), holding.close()]));

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

  it("holds the candidates on its threads and decides their people there, as this thread would", async () => {
    const here = PEOPLE.map((r) => analyse(r, TODAY));
    const { evidence, persons } = decidedHere(here);
    const results = (await Promise.all([holding.run(PEOPLE.slice(0, 3), TODAY), holding.run(PEOPLE.slice(3), TODAY)])).flat();
    const held = results.map((a) => ("error" in a ? null : (a.candidates as HeldCandidates)));
    expect(new Set(held.map((h) => h?.worker))).toEqual(new Set([0, 1]));
    // Asked in another order than analysed: each answer is its own article's.
    const order = [5, 0, 4, 6, 2, 1, 3];
    expect(
      await holding.resolve(
        order.map((i) => held[i]!),
        evidence.toData(),
      ),
    ).toEqual(order.map((i) => persons[i]));
  });
});
