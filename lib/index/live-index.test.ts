import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerAnalyser } from "@/lib/index/analysis-pool";
import { readIndexFile } from "@/lib/index/format";
import { INCOMPLETE_LAST_LINE } from "@/lib/index/corpus-files";
import { LiveIndex } from "@/lib/index/live-index";
import { STRIDE, storySignature } from "@/lib/stories/signature";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery } from "@/lib/api/contract";

// Small articles with real Vietnamese words, so cleaning keeps them and queries find them.
const TOPICS = [
  ["Giá vàng tăng mạnh", "Giá vàng trong nước hôm nay tăng mạnh theo giá thế giới, nhà đầu tư đổ xô mua vàng miếng."],
  ["Bão số 5 đổ bộ miền Trung", "Cơn bão số 5 đổ bộ vào các tỉnh miền Trung, gây mưa lớn và ngập lụt ở nhiều nơi."],
  ["Đội tuyển Việt Nam thắng Thái Lan", "Đội tuyển bóng đá Việt Nam thắng Thái Lan hai bàn trong trận đấu tối qua tại Mỹ Đình."],
  ["Hội nghị hòa bình tại Geneva", "Các bên tham gia hội nghị hòa bình tại Geneva nhất trí tiếp tục đàm phán vào tháng tới."],
  ["Tai nạn giao thông trên quốc lộ 1", "Một vụ tai nạn giao thông nghiêm trọng xảy ra trên quốc lộ 1, hai xe tải va chạm."],
  ["Thủ tướng thăm Nhật Bản", "Thủ tướng bắt đầu chuyến thăm chính thức Nhật Bản, hai bên ký nhiều thỏa thuận hợp tác."],
];

function record(id: string, topic: number, extra = "") {
  const [title, body] = TOPICS[topic % TOPICS.length];
  return JSON.stringify({ id, title: `${title} ${extra}`.trim(), body: `${body} ${extra}`.trim(), date: `2025-0${1 + (topic % 9)}-1${topic % 10}` });
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "timtin-index-"));
  dirs.push(d);
  return d;
}
// A writer left open may still save its stories in the background; closing it first keeps
// that write from landing in a directory being removed (ENOTEMPTY under load).
const opened: LiveIndex[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const QUERIES = ["vàng", "bao so 5", "Việt Nam", "hòa bình", "tai nạn", "thủ tướng Nhật", "giá", ""];

/** Everything a reader sees of a query: hits in order with scores, totals and facets. */
function answers(engine: SearchEngine) {
  const search = (q: Partial<SearchQuery>) => engine.search({ ...EMPTY_QUERY, size: 50, ...q });
  return QUERIES.map((q) => {
    const r = search({ q, sort: q ? "relevance" : "newest" });
    return { q, total: r.total, hits: r.hits.map((h) => [h.id, h.score, h.title]), facets: r.facets };
  });
}

async function open(corpusDir: string, indexDir: string | null) {
  const index = await LiveIndex.open({ corpusDir, indexDir, sketchBits: 12 });
  opened.push(index);
  return { index, engine: new SearchEngine(index.archive) };
}

describe("LiveIndex: saved index", () => {
  it("builds, saves, and loads back an index that answers exactly as the one built", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [0, 1, 2, 3].map((t) => record(`a${t}`, t)).join("\n") + "\n");
    writeFileSync(path.join(corpus, "b.jsonl"), [4, 5].map((t) => record(`b${t}`, t)).join("\n") + "\n");
    const built = await open(corpus, saved);
    expect(built.index.loaded.saved).toBe(false);
    expect(built.engine.size).toBe(6);
    expect(readdirSync(saved)).toContain("meta.json");
    const loaded = await open(corpus, saved);
    expect(loaded.index.loaded).toEqual({ saved: true, reason: null });
    expect(answers(loaded.engine)).toEqual(answers(built.engine));
    expect(loaded.engine.article("a1")?.title).toContain("Bão số 5");
  });

  it("keeps a saved index when its corpus directory cannot be read, and reports the directory", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [0, 1, 2].map((t) => record(`a${t}`, t)).join("\n") + "\n");
    await open(corpus, saved);
    const files = () => Object.fromEntries(readdirSync(saved).map((f) => [f, readFileSync(path.join(saved, f))]));
    const before = files();
    const mistyped = path.join(corpus, "no-such-directory");
    const lost = await open(mistyped, saved);
    expect(lost.engine.size).toBe(0);
    expect(lost.index.skippedSources).toEqual([expect.objectContaining({ source: mistyped })]);
    expect(files()).toEqual(before);
    const again = await open(corpus, saved);
    expect(again.index.loaded).toEqual({ saved: true, reason: null });
    expect(again.engine.size).toBe(3);
  });

  it("answers random queries the same from the index built in memory and from the saved one", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), TOPICS.map((_, t) => record(`r${t}`, t)).join("\n") + "\n");
    const memory = await open(corpus, null);
    await open(corpus, saved);
    const loaded = await open(corpus, saved);
    expect(loaded.index.loaded.saved).toBe(true);
    const words = TOPICS.flatMap(([title, body]) => `${title} ${body}`.split(/[\s,.]+/)).filter(Boolean);
    const query = fc.record({
      q: fc.array(fc.constantFrom(...words, "bao", "vang", "-bão", '"hòa bình"'), { minLength: 0, maxLength: 4 }).map((w) => w.join(" ")),
      sort: fc.constantFrom<SearchQuery["sort"]>("relevance", "newest", "oldest"),
    });
    fc.assert(
      fc.property(query, (q) => {
        const run = (engine: SearchEngine) => {
          const r = engine.search({ ...EMPTY_QUERY, size: 50, ...q });
          return { total: r.total, hits: r.hits.map((h) => [h.id, h.score, h.snippet]), facets: r.facets };
        };
        expect(run(loaded.engine)).toEqual(run(memory.engine));
      }),
      { numRuns: 200 },
    );
  });

  const corruptions: [string, (dir: string) => void, RegExp][] = [
    ["a truncated segment", (dir) => truncateSync(segFile(dir), 100), /checksum|truncated|not an index/],
    ["a flipped byte", (dir) => flipByte(segFile(dir)), /checksum/],
    ["a foreign manifest", (dir) => writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ hello: "world" })), /not a manifest/],
    ["an old analyzer version", (dir) => editManifest(dir, (m) => ({ ...m, analyzer: "1999-01-01" })), /analyzer version/],
    ["an old format version", (dir) => editManifest(dir, (m) => ({ ...m, format: 0 })), /format version/],
    ["a missing document store", (dir) => unlinkSync(segFile(dir).replace(/\.seg$/, ".docs")), /document store/],
    ["a manifest for another corpus", (dir) => editManifest(dir, (m) => ({ ...m, corpusDir: "/elsewhere" })), /another corpus/],
  ];
  for (const [what, damage, reason] of corruptions) {
    it(`rebuilds, never serves, ${what}`, async () => {
      const corpus = tempDir();
      const saved = tempDir();
      writeFileSync(path.join(corpus, "a.jsonl"), [0, 1, 2].map((t) => record(`a${t}`, t)).join("\n") + "\n");
      const first = await open(corpus, saved);
      const expected = answers(first.engine);
      damage(saved);
      const again = await open(corpus, saved);
      expect(again.index.loaded.saved).toBe(false);
      expect(again.index.loaded.reason).toMatch(reason);
      expect(answers(again.engine)).toEqual(expected);
      // And the rebuilt index is whole again.
      expect((await open(corpus, saved)).index.loaded.saved).toBe(true);
    });
  }
});

describe("LiveIndex: live updates", () => {
  it("takes new files, appended lines, changed and removed files, and replaced ids", async () => {
    const corpus = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), record("x1", 0) + "\n");
    const { index, engine } = await open(corpus, tempDir());
    const ids = (q: string) => engine.search({ ...EMPTY_QUERY, q }).hits.map((h) => h.id);
    expect(ids("bão")).toEqual([]);

    appendFileSync(path.join(corpus, "a.jsonl"), record("x2", 1) + "\n");
    expect((await index.update()).added).toBe(1); // only the new line is read
    expect(ids("bão")).toEqual(["x2"]);

    writeFileSync(path.join(corpus, "b.jsonl"), record("x3", 2) + "\n" + record("x1", 3, "bản sửa") + "\n");
    await index.update();
    expect(ids("Thái Lan")).toEqual(["x3"]);
    expect(engine.article("x1")?.title).toContain("bản sửa"); // the later file's copy is the article
    expect(ids("vàng")).not.toContain("x1"); // its old text is no longer searchable

    unlinkSync(path.join(corpus, "b.jsonl"));
    await index.update();
    expect(ids("Thái Lan")).toEqual([]);
    expect(engine.article("x1")?.title).toContain("Giá vàng"); // the older copy is back
    expect(engine.size).toBe(2);
  });

  it("leaves a new file's last line for the next update while it is half written, and loses none", async () => {
    const corpus = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), record("h0", 0) + "\n");
    const { index, engine } = await open(corpus, tempDir());
    const file = path.join(corpus, "new.jsonl");
    const whole = [record("h1", 1), record("h2", 2), record("h3", 3)].join("\n") + "\n";
    const cut = whole.indexOf("\n") + 20; // the writer stopped 20 bytes into the second line
    const waiting = { source: "new.jsonl", reason: INCOMPLETE_LAST_LINE };
    writeFileSync(file, whole.slice(0, cut));
    expect((await index.update()).added).toBe(1);
    // Listed while it waits, so a file truncated for good is not silent.
    expect(index.skippedSources).toEqual([waiting]);
    appendFileSync(file, whole.slice(cut, cut + 10)); // more of it, still not whole
    expect((await index.update()).added).toBe(0);
    expect(index.skippedSources).toEqual([waiting]);
    appendFileSync(file, whole.slice(cut + 10));
    expect((await index.update()).added).toBe(2);
    expect(index.skippedSources).toEqual([]);
    expect(["h1", "h2", "h3"].map((id) => engine.article(id)?.id)).toEqual(["h1", "h2", "h3"]);
    // A last line without its newline that is whole is read at once; a broken line with its newline is reported.
    writeFileSync(path.join(corpus, "c.jsonl"), `${record("h4", 4)}\n{"id": "h5", "title": \n${record("h6", 5)}`);
    expect((await index.update()).added).toBe(2);
    expect(index.skippedSources).toEqual([{ source: "c.jsonl:2", reason: "not valid JSON" }]);
  });

  it("reports a .jsonl truncated for good in its last line at a first build, and serves the lines before it", async () => {
    const corpus = tempDir();
    writeFileSync(path.join(corpus, "cut.jsonl"), `${record("k1", 0)}\n${record("k2", 1).slice(0, 30)}`);
    const { index, engine } = await open(corpus, tempDir());
    expect(engine.size).toBe(1);
    expect(index.skippedSources).toEqual([{ source: "cut.jsonl", reason: INCOMPLETE_LAST_LINE }]);
  });

  it("does not read again a file whose mtime changed over the same bytes, before or after a restart; reads one whose bytes changed", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    const file = path.join(corpus, "a.jsonl");
    writeFileSync(file, record("t1", 0) + "\n" + record("t2", 1) + "\n");
    const first = await open(corpus, saved);
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later); // as a copy or a checkout leaves it
    expect(await first.index.update()).toMatchObject({ added: 0, files: 0 });
    const restarted = await open(corpus, saved);
    expect(await restarted.index.update()).toMatchObject({ added: 0, files: 0 });
    expect(restarted.engine.size).toBe(2);

    // Same size, other bytes: read again.
    writeFileSync(file, readFileSync(file, "utf8").replace("Giá vàng", "Giá bạc"));
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(file, evenLater, evenLater);
    expect((await restarted.index.update()).added).toBe(2);
    const ids = (q: string) => restarted.engine.search({ ...EMPTY_QUERY, q }).hits.map((h) => h.id);
    expect(ids("bạc")).toEqual(["t1"]);
  });

  it("gives the same answers as a fresh build of the final corpus, whatever the order of changes", async () => {
    type Op = { kind: "write" | "append" | "remove"; file: number; records: [number, number][] };
    const op = fc.record({
      kind: fc.constantFrom<Op["kind"]>("write", "append", "remove"),
      file: fc.integer({ min: 0, max: 2 }),
      records: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const corpus = tempDir();
        const live = await open(corpus, tempDir());
        for (const o of ops) {
          const file = path.join(corpus, `f${o.file}.jsonl`);
          const lines = o.records.map(([id, topic]) => record(`id${id}`, topic, `v${o.kind}${o.file}`)).join("\n") + "\n";
          if (o.kind === "write") writeFileSync(file, lines);
          else if (o.kind === "append") appendFileSync(file, lines);
          else rmSync(file, { force: true });
          await live.index.update();
          // The same engine answers after every change (what it derives per change is kept).
          expect(answers(live.engine)).toEqual(answers(new SearchEngine(live.index.archive)));
        }
        const fresh = await open(corpus, null);
        expect(answers(live.engine)).toEqual(answers(fresh.engine));
      }),
      { numRuns: 25 },
    );
  });
});

describe("LiveIndex: people evidence from the whole archive", () => {
  // Three articles name the striker in full after a title; a one-word mention is a person
  // only with that archive-wide evidence (people-evidence.ts: three titled articles).
  const striker = (id: string, i: number) =>
    JSON.stringify({
      id,
      title: `Tiền đạo Alexandre Lacazette ghi bàn thứ ${i}`,
      body: `Tiền đạo Alexandre Lacazette ghi bàn thứ ${i} cho Lyon trong trận đấu tối qua.`,
      date: "2017-05-1" + i,
    });
  const mention = (id: string) =>
    JSON.stringify({
      id,
      title: "Lyon thắng ở phút cuối",
      body: "Cú đúp của tiền đạo Lacazette ở phút 90 giúp Lyon thắng trận đấu tối qua.",
      date: "2017-05-20",
    });
  const people = (engine: SearchEngine, id: string) => engine.article(id)?.persons.map((p) => p.name);
  /** Every article's people, by id. */
  const facet = (engine: SearchEngine) =>
    Object.fromEntries(engine.search({ ...EMPTY_QUERY, size: 50, sort: "newest" }).hits.map((h) => [h.id, engine.article(h.id)?.persons]));

  it("loads back the person facet of the index it built", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2, 3].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    writeFileSync(path.join(corpus, "b.jsonl"), mention("b1") + "\n");
    const built = await open(corpus, saved);
    expect(people(built.engine, "b1")).toEqual(["Lacazette"]);
    const loaded = await open(corpus, saved);
    expect(loaded.index.loaded.saved).toBe(true);
    expect(facet(loaded.engine)).toEqual(facet(built.engine));
    expect(answers(loaded.engine)).toEqual(answers(built.engine));
  });

  it("decides a file added after a restart with the saved evidence, as a fresh build does", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2, 3].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    await (await open(corpus, saved)).index.close();
    writeFileSync(path.join(corpus, "b.jsonl"), mention("b1") + "\n");
    const restarted = await open(corpus, saved);
    expect(restarted.index.loaded.saved).toBe(true);
    expect(people(restarted.engine, "b1")).toEqual(["Lacazette"]);
    const fresh = await open(corpus, null);
    expect(facet(restarted.engine)).toEqual(facet(fresh.engine));
  });

  it("saves each file's evidence as a fresh build of the final corpus does, after restarts, appends, rewrites and removals", async () => {
    /** people.bin's evidence, by corpus file (the order of files differs with the order of changes). */
    const evidenceByFile = (dir: string) => {
      const { json, arrays } = readIndexFile(path.join(dir, "people.bin"), "people");
      const files = (json as { files: { file: string; articles: number; names: string[]; singles: string[] }[] }).files;
      let at = 0;
      return Object.fromEntries(
        files.map((f) => {
          const n = 4 * (f.names.length + f.singles.length);
          const counts = [...arrays.counts.subarray(at, (at += n))];
          return [f.file, { articles: f.articles, names: f.names, singles: f.singles, counts }];
        }),
      );
    };
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    writeFileSync(path.join(corpus, "b.jsonl"), mention("b1") + "\n");
    writeFileSync(path.join(corpus, "d.jsonl"), striker("d1", 4) + "\n");
    await (await open(corpus, saved)).index.close();
    const live = await open(corpus, saved);
    appendFileSync(path.join(corpus, "a.jsonl"), striker("a3", 3) + "\n");
    await live.index.update();
    writeFileSync(path.join(corpus, "b.jsonl"), mention("b2") + "\n" + striker("b3", 5) + "\n");
    unlinkSync(path.join(corpus, "d.jsonl"));
    await live.index.update();
    writeFileSync(path.join(corpus, "c.jsonl"), mention("c1") + "\n");
    await live.index.update();
    await live.index.close();
    const fresh = tempDir();
    await (await open(corpus, fresh)).index.close();
    expect(evidenceByFile(saved)).toEqual(evidenceByFile(fresh));
    expect(Object.keys(evidenceByFile(saved)).sort()).toEqual(["a.jsonl", "b.jsonl", "c.jsonl"]);
  });

  it("uncounts the evidence of a removed file", async () => {
    const corpus = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2, 3].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    const live = await open(corpus, tempDir());
    unlinkSync(path.join(corpus, "a.jsonl"));
    await live.index.update();
    writeFileSync(path.join(corpus, "c.jsonl"), mention("c1") + "\n");
    await live.index.update();
    expect(people(live.engine, "c1")).toEqual([]);
    expect(facet(live.engine)).toEqual(facet((await open(corpus, null)).engine));
  });

  it("decodes the saved evidence after a restart between other work, before any update needs it", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2, 3].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    await (await open(corpus, saved)).index.close();
    const restarted = await open(corpus, saved);
    for (let i = 0; i < 1000 && !restarted.index.evidenceDecoded; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(restarted.index.evidenceDecoded).toBe(true);
    writeFileSync(path.join(corpus, "b.jsonl"), mention("b1") + "\n");
    await restarted.index.update();
    expect(people(restarted.engine, "b1")).toEqual(["Lacazette"]);
  });

  it("uncounts the saved evidence of a file removed after a restart, and counts a file appended to after one", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [1, 2, 3].map((i) => striker(`a${i}`, i)).join("\n") + "\n");
    writeFileSync(path.join(corpus, "b.jsonl"), striker("b1", 4) + "\n");
    await (await open(corpus, saved)).index.close();
    const live = await open(corpus, saved);
    unlinkSync(path.join(corpus, "a.jsonl"));
    appendFileSync(path.join(corpus, "b.jsonl"), mention("b2") + "\n");
    await live.index.update();
    // One titled article is left: not enough for the one-word mention.
    expect(people(live.engine, "b2")).toEqual([]);
    appendFileSync(path.join(corpus, "b.jsonl"), [5, 6].map((i) => striker(`b${i}`, i)).join("\n") + "\n");
    await live.index.update();
    writeFileSync(path.join(corpus, "c.jsonl"), mention("c1") + "\n");
    await live.index.update();
    // Three again, the first from the saved evidence of b.jsonl.
    expect(people(live.engine, "c1")).toEqual(["Lacazette"]);
    // Articles already indexed are not decided again: b2 keeps the people of its own update.
    expect(people((await open(corpus, null)).engine, "c1")).toEqual(["Lacazette"]);
  });
});

describe("LiveIndex: segments of bounded size", () => {
  it("closes a segment when it holds segmentDocs documents, and answers as one segment would", async () => {
    const corpus = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [0, 1, 2, 3, 4, 5, 6].map((t) => record(`a${t}`, t)).join("\n") + "\n");
    const saved = tempDir();
    const split = await LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12, segmentDocs: 2 });
    opened.push(split);
    expect(split.archive.segments.map((s) => s.rank.n)).toEqual([2, 2, 2, 1]);
    const whole = await open(corpus, null);
    expect(whole.index.archive.segments).toHaveLength(1);
    expect(answers(new SearchEngine(split.archive))).toEqual(answers(whole.engine));
    const loaded = await LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12, segmentDocs: 2 });
    opened.push(loaded);
    expect(loaded.loaded.saved).toBe(true);
    expect(answers(new SearchEngine(loaded.archive))).toEqual(answers(whole.engine));
  });
});

describe("LiveIndex: a reader following a writer", () => {
  it("waits for the writer's first commit, then answers as the writer after every commit it follows", async () => {
    type Op = { kind: "write" | "append" | "remove"; file: number; records: [number, number][]; follow: boolean };
    const op = fc.record({
      kind: fc.constantFrom<Op["kind"]>("write", "append", "remove"),
      file: fc.integer({ min: 0, max: 2 }),
      records: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 3 }),
      follow: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const corpus = tempDir();
        const saved = tempDir();
        // The reader starts first: it waits until the writer has committed.
        const readerIndex = new LiveIndex({ corpusDir: corpus, indexDir: saved, sketchBits: 12, reader: true });
        const opened = readerIndex.open();
        const writer = await open(corpus, saved);
        await opened;
        const reader = { index: readerIndex, engine: new SearchEngine(readerIndex.archive) };
        expect(answers(reader.engine)).toEqual(answers(writer.engine));
        for (const o of ops) {
          const file = path.join(corpus, `f${o.file}.jsonl`);
          const lines = o.records.map(([id, topic]) => record(`id${id}`, topic, `v${o.kind}${o.file}`)).join("\n") + "\n";
          if (o.kind === "write") writeFileSync(file, lines);
          else if (o.kind === "append") appendFileSync(file, lines);
          else rmSync(file, { force: true });
          await writer.index.update();
          // Merges run after an update, in the writer's queue: wait for it to be idle.
          await writer.index.update();
          // A reader may skip commits: it applies the newest whole one.
          if (o.follow) {
            await reader.index.follow();
            expect(answers(reader.engine)).toEqual(answers(writer.engine));
            expect(reader.engine.size).toBe(writer.engine.size);
          }
        }
        await reader.index.follow();
        expect(answers(reader.engine)).toEqual(answers(writer.engine));
        expect(reader.index.archive.segments.map((s) => s.name)).toEqual(writer.index.archive.segments.map((s) => s.name));
        // The reader never wrote: the saved index is the writer's, loaded the same by a new process.
        const again = await open(corpus, saved);
        expect(again.index.loaded.saved).toBe(true);
        expect(answers(again.engine)).toEqual(answers(reader.engine));
        await Promise.all([reader.index.close(), writer.index.close(), again.index.close()]);
      }),
      { numRuns: 20 },
    );
  });

  it("a reader of an index built for another corpus directory says why it waits, and fails at once with waitForWriter false", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), record("a0", 0) + "\n");
    const writer = await open(corpus, saved);
    await writer.index.close();
    const other = tempDir();
    await expect(LiveIndex.open({ corpusDir: other, indexDir: saved, sketchBits: 12, reader: true, waitForWriter: false })).rejects.toThrow(
      /another corpus directory/,
    );
    const events: Record<string, unknown>[] = [];
    const waiting = new LiveIndex({
      corpusDir: other,
      indexDir: saved,
      sketchBits: 12,
      reader: true,
      onEvent: (event, fields) => event === "reader_waiting" && events.push(fields),
    });
    const opened = waiting.open();
    // Several retries (200 ms apart) log the same reason once.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await waiting.close();
    await opened;
    expect(events).toHaveLength(1);
    expect(String(events[0].reason)).toMatch(/another corpus directory/);
    expect(waiting.loaded.saved).toBe(false);
  });
});

function segFile(dir: string): string {
  return path.join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".seg"))!,
  );
}

function flipByte(file: string) {
  const buf = readFileSync(file);
  buf[buf.length - 3] ^= 0xff;
  writeFileSync(file, buf);
}

function editManifest(dir: string, edit: (m: Record<string, unknown>) => Record<string, unknown>) {
  const file = path.join(dir, "meta.json");
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, "utf8")))));
}

describe("a whole file's skips", () => {
  it("lists the reader's skips first, then the articles cleaning left empty, as when files were read whole", async () => {
    const corpus = tempDir();
    const lines = [record("a", 0), JSON.stringify({ id: "empty", body: "   " }), "garbage", record("b", 1)];
    writeFileSync(path.join(corpus, "x.jsonl"), lines.join("\n") + "\n");
    const index = await LiveIndex.open({ corpusDir: corpus, indexDir: tempDir() });
    expect(index.skippedSources.map((s) => s.source)).toEqual(["x.jsonl:3", "x.jsonl (id empty)"]);
    expect(index.skippedSources[1].reason).toMatch(/empty article/);
    await index.close();
  });
});

describe("LiveIndex: articles analysed on worker threads", () => {
  /** Every index file's bytes, segment files by kind (their names are random). */
  function indexBytes(dir: string) {
    const files = readdirSync(dir).sort();
    const byKind = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(path.join(dir, f)).toString("base64"));
    const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8"));
    return {
      seg: byKind(".seg"),
      docs: byKind(".docs"),
      pairs: readFileSync(path.join(dir, "pairs.bin")).toString("base64"),
      people: readFileSync(path.join(dir, "people.bin")).toString("base64"),
      files: meta.files,
      skipped: meta.skipped,
    };
  }

  it("saves the same bytes as a build on one thread, skips and segments included", async () => {
    const corpus = tempDir();
    const lines = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((t) => record(`a${t}`, t, t % 3 ? "" : "Ông Nguyễn Văn An cho biết."));
    lines.splice(3, 0, "garbage", JSON.stringify({ id: "empty", body: "   " }));
    writeFileSync(path.join(corpus, "a.jsonl"), lines.join("\n") + "\n");
    writeFileSync(path.join(corpus, "b.jsonl"), [record("b1", 1), record("a2", 4, "sửa lại")].join("\n") + "\n");
    const one = tempDir();
    const two = tempDir();
    const plain = await LiveIndex.open({ corpusDir: corpus, indexDir: one, sketchBits: 12, segmentDocs: 4 });
    const pool = new WorkerAnalyser(1);
    try {
      const threaded = await LiveIndex.open({ corpusDir: corpus, indexDir: two, sketchBits: 12, segmentDocs: 4, analyser: pool });
      expect(threaded.archive.segments.length).toBeGreaterThan(1);
      expect(indexBytes(two)).toEqual(indexBytes(one));
      expect(threaded.skippedSources).toEqual(plain.skippedSources);
      await threaded.close();
    } finally {
      await pool.close();
    }
    await plain.close();
  });

  it("keeps each article's story signature in its segment, analysed here or on a worker, and through a merge", async () => {
    const corpus = tempDir();
    const big = Array.from({ length: 70 }, (_, t) => record(`a${t}`, t, `bài số ${t} về chuyện thứ ${t * 7}`));
    writeFileSync(path.join(corpus, "a.jsonl"), big.join("\n") + "\n");
    const signaturesKept = (index: LiveIndex) =>
      index.archive.segments.every((seg) =>
        Array.from({ length: seg.rank.n }, (_, d) => d).every((d) =>
          seg.cols.story.subarray(d * STRIDE, (d + 1) * STRIDE).every((v, i) => v === storySignature(seg.store.get(d))[i]),
        ),
      );
    const pool = new WorkerAnalyser(1);
    try {
      for (const analyser of [null, pool]) {
        const index = await LiveIndex.open({ corpusDir: corpus, indexDir: tempDir(), sketchBits: 12, analyser });
        expect(signaturesKept(index)).toBe(true);
        await index.close();
      }
      // Six small files of two articles after the big one: the six small segments are merged into one.
      const index = await LiveIndex.open({ corpusDir: corpus, indexDir: tempDir(), sketchBits: 12, analyser: pool });
      for (let f = 0; f < 6; f++) {
        writeFileSync(path.join(corpus, `m${f}.jsonl`), [1, 2].map((k) => record(`m${f}-${k}`, f + k, `tin mới số ${f * k} hôm nay`)).join("\n") + "\n");
        await index.update();
      }
      await index.update();
      expect(index.archive.segments.length).toBe(2);
      expect(signaturesKept(index)).toBe(true);
      await index.close();
    } finally {
      await pool.close();
    }
  });

  it("keeps the saved index when the analyser fails during an update", async () => {
    const corpus = tempDir();
    const saved = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), [0, 1].map((t) => record(`a${t}`, t)).join("\n") + "\n");
    await (await LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12 })).close();
    const before = readdirSync(saved).map((f) => [f, readFileSync(path.join(saved, f)).toString("base64")]);
    writeFileSync(path.join(corpus, "b.jsonl"), record("b0", 2) + "\n");
    const failing = { run: () => Promise.reject(new Error("worker died")), close: async () => undefined };
    await expect(LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12, analyser: failing })).rejects.toThrow("worker died");
    expect(readdirSync(saved).map((f) => [f, readFileSync(path.join(saved, f)).toString("base64")])).toEqual(before);
    const reopened = await LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12 });
    expect(reopened.archive.live).toBe(3);
    await reopened.close();
  });
});
