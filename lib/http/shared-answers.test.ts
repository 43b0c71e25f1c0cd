import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { SHARED_ANSWER, shareAnswers, type Channel, type SharingStats } from "@/lib/http/shared-answers";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery } from "@/lib/api/contract";

const a = testArticle({ id: "a", date: "2025-08-07", persons: ["Vladimir Putin"], outlet: "Dân trí", paragraphs: ["Hội đàm hòa bình ở Alaska."] });
const b = testArticle({ id: "b", date: "2025-12-04", persons: ["Donald Trump"], outlet: "VnExpress", paragraphs: ["Kế hoạch hòa bình mới."] });
const MiB = 1024 * 1024;
const words: SearchQuery = { ...EMPTY_QUERY, q: "hòa bình" };
const browse: SearchQuery = { ...EMPTY_QUERY, person: ["donald-trump"] };

/** Server processes over equal archives, linked as scripts/start.mjs links them: the primary hands a message to every other process. */
function server(commits: string[]) {
  const listeners: ((m: unknown) => void)[] = [];
  const relayed: unknown[] = [];
  const processes = commits.map((commit, i) => {
    const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
    const channel: Channel = {
      // Through the primary, as IPC does: a copy of the message, to every process but the sender.
      send: (m) => {
        relayed.push(m);
        listeners.forEach((l, j) => j !== i && l(structuredClone(m)));
      },
      on: (_event, listener) => void (listeners[i] = listener),
    };
    const p: { engine: SearchEngine; commit: string | null; stats: SharingStats } = { engine, commit, stats: null! };
    p.stats = shareAnswers(engine, () => p.commit, channel);
    return p;
  });
  return { processes, relayed };
}

describe("answers shared by the server processes", () => {
  it("an answer one process computed is kept by the others, byte for byte as they would compute it", () => {
    const { processes, relayed } = server(["c1", "c1", "c1"]);
    const [first, second, third] = processes;
    for (const p of processes) expect(p.engine.keptJson(words)).toBeUndefined();
    const computed = first.engine.searchJson(words);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toMatchObject({ type: SHARED_ANSWER, commit: "c1", cache: "words" });
    const fresh = new SearchEngine(memoryArchive([a, b])).search(words);
    for (const p of [second, third]) {
      const kept = p.engine.keptJson(words);
      expect(kept).toBeDefined();
      expect(kept!.json).toBe(JSON.stringify({ ...fresh, tookMs: kept!.tookMs }));
      expect(kept!.total).toBe(computed.total);
      expect(p.stats).toEqual({ sent: 0, adopted: 1, otherCommit: 0 });
      expect(p.engine.results.adopted).toBe(1);
    }
    // Adopted answers are not sent on again: one message for the whole server.
    expect(first.stats).toEqual({ sent: 1, adopted: 0, otherCommit: 0 });
    second.engine.searchJson(words);
    expect(relayed).toHaveLength(1);
  });

  it("shares the answers of searches without words through their own cache", () => {
    const { processes } = server(["c1", "c1"]);
    const counted = processes[0].engine.searchJson(browse);
    const kept = processes[1].engine.keptJson(browse);
    expect(kept).toBeDefined();
    expect(JSON.parse(kept!.json)).toEqual({ ...JSON.parse(counted.json), tookMs: kept!.tookMs });
    expect(processes[1].engine.results.adopted).toBe(0);
  });

  it("tells the key of each answer adopted, the key the engine keeps it under", () => {
    const engines = [0, 1].map(() => new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB }));
    const listeners: ((m: unknown) => void)[] = [];
    const told: string[] = [];
    engines.forEach((engine, i) =>
      shareAnswers(
        engine,
        () => "c1",
        { send: (m) => listeners[1 - i](structuredClone(m)), on: (_e, l) => void (listeners[i] = l) },
        (key) => told.push(`${i}:${key}`),
      ),
    );
    const key = engines[1].answerKey(words)!;
    expect(engines[1].hasAnswer(key)).toBe(false);
    engines[0].searchJson(words);
    expect(told).toEqual([`1:${key}`]);
    expect(engines[1].hasAnswer(key)).toBe(true);
  });

  it("a process at another commit drops the answer rather than keep it", () => {
    const { processes } = server(["c1", "c2"]);
    processes[0].engine.searchJson(words);
    expect(processes[1].engine.keptJson(words)).toBeUndefined();
    expect(processes[1].stats).toEqual({ sent: 0, adopted: 0, otherCommit: 1 });
  });

  it("a process with no commit yet shares nothing", () => {
    const { processes, relayed } = server(["c1", "c1"]);
    processes[0].commit = null;
    processes[0].engine.searchJson(words);
    expect(relayed).toHaveLength(0);
    expect(processes[1].engine.keptJson(words)).toBeUndefined();
  });

  it("ignores messages that are not shared answers", () => {
    const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
    let listener: (m: unknown) => void = () => undefined;
    const stats = shareAnswers(engine, () => "c1", { send: () => undefined, on: (_e, l) => void (listener = l) });
    for (const m of [null, "x", { type: "other" }, { type: SHARED_ANSWER, commit: "c1", cache: "words", key: 1, json: "{}", total: 0 }]) listener(m);
    expect(stats).toEqual({ sent: 0, adopted: 0, otherCommit: 0 });
    expect(engine.results.size.entries).toBe(0);
  });
});
