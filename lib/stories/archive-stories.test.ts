import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { readIndexFile, writeIndexFile } from "@/lib/index/format";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import { memorySegment } from "@/lib/index/segment";
import { buildRankIndex } from "@/lib/search/rank-index";
import {
  archiveStories,
  groupArchive,
  holdRegrouping,
  numberArchive,
  provisionalStories,
  storiesSettled,
  type ArchiveStories,
} from "@/lib/stories/archive-stories";
import type { Stories } from "@/lib/stories/group";
import { floodA, floodB, floodCopy, floodLater, football, gold, storyArticle } from "@/lib/stories/fixtures";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "timtin-stories-saved-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function jsonl(articles: Article[]): string {
  return (
    articles.map((a) => JSON.stringify({ id: a.id, title: a.title, body: a.paragraphs.join("\n"), date: a.date, outlet: a.outlet?.name })).join("\n") + "\n"
  );
}

const open = (corpusDir: string, indexDir: string) => LiveIndex.open({ corpusDir, indexDir, sketchBits: 12 });

/** A grouping as plain values: each live document (segment name and number) with its story and original. */
function plain(archive: Archive, s = archiveStories(archive)) {
  const at = (x: number) => `${s.locs[x].seg.name}#${s.locs[x].d}`;
  return {
    docs: s.locs.map((_, x) => at(x)),
    story: [...s.stories.story],
    original: [...s.stories.original].map(at),
    count: s.stories.count,
    start: [...s.stories.start],
    members: [...s.stories.members].map(at),
  };
}

/**
 * Provisional stories hold what a search needs right: every live document (numbered as a full
 * grouping numbers them) in exactly one story, each story's members in publication order, a
 * copy's original in its own story; and searches find the live articles, grouped or not, as a
 * full grouping would (the same articles and counts of articles).
 */
function expectSound(archive: Archive, what = "") {
  const s = archiveStories(archive);
  const full = groupArchive(archive);
  const { story, original, start, members, count } = s.stories;
  expect(plain(archive).docs, what).toEqual(plain(archive, full).docs);
  // Numbered in corpus order: file path, then line.
  const where = (x: number) => [s.locs[x].seg.cols.dicts.files[s.locs[x].seg.cols.file[s.locs[x].d]], s.locs[x].seg.cols.line[s.locs[x].d]] as const;
  for (let x = 1; x < s.locs.length; x++) {
    const [[fa, la], [fb, lb]] = [where(x - 1), where(x)];
    expect(fa < fb || (fa === fb && la < lb), what).toBe(true);
  }
  expect(
    [...members].sort((a, b) => a - b),
    what,
  ).toEqual(s.locs.map((_, x) => x));
  const day = (x: number) => s.locs[x].seg.cols.day[s.locs[x].d] || 99_999_999;
  for (let t = 0; t < count; t++) {
    // Provisional stories keep a story emptied by a removal (its number) until the regrouping.
    if (s.exact) expect(start[t + 1], what).toBeGreaterThan(start[t]);
    else expect(start[t + 1], what).toBeGreaterThanOrEqual(start[t]);
    for (let i = start[t]; i < start[t + 1]; i++) {
      expect(story[members[i]], what).toBe(t);
      if (i > start[t]) expect(day(members[i - 1]) * 1e6 + members[i - 1] < day(members[i]) * 1e6 + members[i], what).toBe(true);
    }
  }
  for (let x = 0; x < s.locs.length; x++) expect(story[original[x]], what).toBe(story[x]);
  const engine = new SearchEngine(archive);
  const articles = (group: boolean) => {
    const r = engine.search({ ...EMPTY_QUERY, group, sort: "oldest", size: 100 });
    return { total: r.totalArticles ?? r.total, ids: r.hits.map((h) => h.id) };
  };
  expect(articles(false), what).toEqual({ total: archive.live, ids: expect.any(Array) });
  expect(articles(true).total, what).toBe(archive.live);
}

/** What a reader sees of the stories: grouped results with their story fields. */
function grouped(archive: Archive) {
  const engine = new SearchEngine(archive);
  return (["oldest", "newest"] as const).map((sort) => engine.search({ ...EMPTY_QUERY, group: true, sort, size: 50 }).hits);
}

function storiesFile(dir: string) {
  return path.join(dir, "stories.bin");
}

/** Rewrite stories.bin with its header changed, arrays and CRC otherwise valid. */
function editStories(dir: string, edit: (meta: Record<string, unknown>) => Record<string, unknown>) {
  const { json, arrays } = readIndexFile(storiesFile(dir), "stories");
  const copies = Object.fromEntries(Object.entries(arrays).map(([k, a]) => [k, a.slice()]));
  writeIndexFile(storiesFile(dir), "stories", edit(json as Record<string, unknown>), copies);
}

function flipByte(file: string) {
  const buf = readFileSync(file);
  buf[buf.length - 3] ^= 0xff;
  writeFileSync(file, buf);
}

/** Two files, two segments: the flood told by two outlets and copied, plus unrelated news. */
async function savedIndex() {
  const corpus = tempDir();
  const saved = tempDir();
  writeFileSync(path.join(corpus, "a.jsonl"), jsonl([floodA, football]));
  const built = await open(corpus, saved);
  writeFileSync(path.join(corpus, "b.jsonl"), jsonl([floodCopy, floodB, floodLater, gold]));
  await built.update();
  return { corpus, saved, built };
}

describe("stories saved with the index", () => {
  it("a restart adopts the grouping of the commit, equal to grouping the loaded archive afresh", async () => {
    const { corpus, saved, built } = await savedIndex();
    expect(existsSync(storiesFile(saved))).toBe(true);
    const loaded = await open(corpus, saved);
    expect(loaded.storiesRefused).toBeNull();
    const adopted = archiveStories(loaded.archive);
    expect(adopted.saved).toBe(true);
    expect(adopted.stories.count).toBeGreaterThan(0);
    expect(adopted.stories.count).toBeLessThan(loaded.archive.live); // the fixtures do form stories
    expect(plain(loaded.archive)).toEqual(plain(loaded.archive, groupArchive(loaded.archive)));
    expect(plain(loaded.archive)).toEqual(plain(built.archive));
    expect(grouped(loaded.archive)).toEqual(grouped(built.archive));
    await Promise.all([built.close(), loaded.close()]);
  });

  const refusals: [string, (dir: string) => void, RegExp][] = [
    ["of another commit", (dir) => editStories(dir, (m) => ({ ...m, generation: (m.generation as number) - 1 })), /commit/],
    ["of another rule", (dir) => editStories(dir, (m) => ({ ...m, rule: { ...(m.rule as object), copyMin: 0.5 } })), /rule/],
    ["of another version", (dir) => editStories(dir, (m) => ({ ...m, version: 0 })), /version/],
    ["of another archive under the same commit number", (dir) => editStories(dir, (m) => ({ ...m, docs: (m.docs as number) + 1 })), /documents/],
    ["with a story number out of range", (dir) => editStories(dir, (m) => ({ ...m, count: 1 })), /size|range/],
    ["with a flipped byte", (dir) => flipByte(storiesFile(dir)), /checksum/],
    ["cut short", (dir) => writeFileSync(storiesFile(dir), readFileSync(storiesFile(dir)).subarray(0, 40)), /checksum|truncated/],
    ["missing (an index saved before stories were)", (dir) => unlinkSync(storiesFile(dir)), /cannot be read/],
  ];
  for (const [what, damage, reason] of refusals) {
    it(`ignores a stories file ${what}, groups as before, and saves the grouping for the next restart`, async () => {
      const { corpus, saved, built } = await savedIndex();
      damage(saved);
      const loaded = await open(corpus, saved);
      expect(loaded.loaded.saved).toBe(true); // the rest of the saved index is served
      expect(loaded.storiesRefused).toMatch(reason);
      expect(archiveStories(loaded.archive).saved).toBe(false);
      expect(plain(loaded.archive)).toEqual(plain(built.archive));
      expect(grouped(loaded.archive)).toEqual(grouped(built.archive));
      const again = await open(corpus, saved);
      expect(again.storiesRefused).toBeNull();
      expect(archiveStories(again.archive).saved).toBe(true);
      expect(plain(again.archive)).toEqual(plain(built.archive));
      await Promise.all([built.close(), loaded.close(), again.close()]);
    });
  }

  it("TIMTIN_STORIES=0 groups at load and leaves stories.bin alone", async () => {
    const { corpus, saved, built } = await savedIndex();
    unlinkSync(storiesFile(saved));
    process.env.TIMTIN_STORIES = "0";
    try {
      const loaded = await open(corpus, saved);
      expect(loaded.storiesRefused).toBe("TIMTIN_STORIES=0");
      expect(archiveStories(loaded.archive).saved).toBe(false);
      expect(plain(loaded.archive)).toEqual(plain(built.archive));
      expect(existsSync(storiesFile(saved))).toBe(false);
      await loaded.close();
    } finally {
      delete process.env.TIMTIN_STORIES;
    }
    await built.close();
  });

  it("a reader adopts the writer's stories of the commit it follows", async () => {
    const { corpus, saved, built } = await savedIndex();
    const reader = await LiveIndex.open({ corpusDir: corpus, indexDir: saved, sketchBits: 12, reader: true });
    expect(archiveStories(reader.archive).saved).toBe(true);
    expect(plain(reader.archive)).toEqual(plain(built.archive));
    unlinkSync(path.join(corpus, "a.jsonl"));
    await built.update();
    // A removal is regrouped in the background: the reader first adopts the writer's provisional stories.
    expect(await reader.follow()).toBe(true);
    expect(archiveStories(reader.archive)).toMatchObject({ saved: true, exact: false });
    expectSound(reader.archive);
    await built.storiesSettled();
    expect(await reader.follow()).toBe(true); // the writer's exact stories of the same commit
    expect(archiveStories(reader.archive)).toMatchObject({ saved: true, exact: true });
    expect(plain(reader.archive)).toEqual(plain(reader.archive, groupArchive(reader.archive)));
    expect(grouped(reader.archive)).toEqual(grouped(built.archive));
    expect(readdirSync(saved)).toContain("stories.bin");
    await Promise.all([built.close(), reader.close()]);
  });

  it("after any sequence of updates, a restart's adopted stories equal a fresh grouping of the loaded archive", async () => {
    // Story articles and variants of them (same text, another day or outlet: copies and
    // later events), dealt into files that are added, appended to, rewritten and removed.
    const base = [floodA, floodB, floodCopy, floodLater, football, gold];
    const variant = (a: Article, i: number, day: number) =>
      storyArticle(`${a.id}-v${i}`, day ? `2017-06-${String(day).padStart(2, "0")}` : null, `Báo ${i % 3}`, a.title, a.paragraphs);
    const article = fc.tuple(fc.nat(base.length - 1), fc.nat(20), fc.nat(28)).map(([k, i, day]) => (i < 6 ? base[k] : variant(base[k], i, day)));
    const op = fc.record({
      file: fc.constantFrom("a.jsonl", "b.jsonl", "c.jsonl"),
      kind: fc.constantFrom("write", "append", "remove"),
      articles: fc.array(article, { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        const corpus = tempDir();
        const saved = tempDir();
        const writer = await open(corpus, saved);
        for (const { file, kind, articles } of ops) {
          const full = path.join(corpus, file);
          if (kind === "remove") {
            if (existsSync(full)) unlinkSync(full);
          } else if (kind === "append" && existsSync(full)) appendFileSync(full, jsonl(articles));
          else writeFileSync(full, jsonl(articles));
          await writer.update();
          expectSound(writer.archive, kind);
          await writer.storiesSettled();
          expect(archiveStories(writer.archive).exact).toBe(true);
          const loaded = await open(corpus, saved);
          expect(loaded.storiesRefused).toBeNull();
          expect(archiveStories(loaded.archive)).toMatchObject({ saved: true, exact: true });
          expect(plain(loaded.archive)).toEqual(plain(loaded.archive, groupArchive(loaded.archive)));
          expect(plain(loaded.archive)).toEqual(plain(writer.archive));
          await loaded.close();
        }
        await writer.close();
      }),
      { numRuns: 15 },
    );
  });
});

describe("stories extended with new files rather than regrouped", () => {
  it("equal a regrouping after every change, extending only for files after every grouped article and of no earlier day", async () => {
    const corpus = tempDir();
    const indexDir = tempDir();
    const floodLaterCopy = { ...floodLater, id: "flood-later-copy", outlet: floodCopy.outlet };
    const sameDayEarlierFile = { ...football, id: "football-later", date: floodLater.date };
    const undated = { ...floodCopy, id: "flood-copy-undated", date: null };
    writeFileSync(path.join(corpus, "a.jsonl"), jsonl([floodA, football]));
    const index = await open(corpus, indexDir);
    groupArchive(index.archive); // the first grouping, to extend
    const steps: [string, () => void, boolean][] = [
      ["later days", () => writeFileSync(path.join(corpus, "b.jsonl"), jsonl([floodB, floodCopy])), true],
      ["a later month", () => writeFileSync(path.join(corpus, "c.jsonl"), jsonl([floodLater])), true],
      ["an undated copy", () => writeFileSync(path.join(corpus, "c1.jsonl"), jsonl([undated])), true],
      ["an earlier day", () => writeFileSync(path.join(corpus, "e.jsonl"), jsonl([gold])), false],
      ["the same day, later in corpus order", () => writeFileSync(path.join(corpus, "f.jsonl"), jsonl([floodLaterCopy])), true],
      ["the same day, earlier in corpus order", () => writeFileSync(path.join(corpus, "b0.jsonl"), jsonl([sameDayEarlierFile])), false],
      ["a later file again", () => writeFileSync(path.join(corpus, "g.jsonl"), jsonl([{ ...floodLater, id: "flood-later-again" }])), true],
      ["a removed file", () => unlinkSync(path.join(corpus, "b.jsonl")), false],
    ];
    for (const [what, change, extended] of steps) {
      change();
      const release = holdRegrouping();
      await index.update();
      // Extended: exact at once; else provisional, and exact once regrouped in the background.
      expect(archiveStories(index.archive), what).toMatchObject({ extended, exact: extended });
      expectSound(index.archive, what);
      release();
      await index.storiesSettled();
      expect(archiveStories(index.archive).exact, what).toBe(true);
      expect(plain(index.archive), what).toEqual(plain(index.archive, groupArchive(index.archive)));
      const restarted = await open(corpus, indexDir);
      expect(archiveStories(restarted.archive), what).toMatchObject({ saved: true, exact: true });
      expect(grouped(restarted.archive), what).toEqual(grouped(index.archive));
      await restarted.close();
    }
    // The stories did form: flood-later's copy sits in its story.
    const stories = grouped(index.archive)[0].find((h) => h.id === "flood-later");
    expect(stories?.story?.size).toBeGreaterThan(1);
    await index.close();
  });
});

describe("stories after a restart", () => {
  it("a restart's first new file is searchable at once, in provisional stories; regrouped in the background, then extended", async () => {
    const corpus = tempDir();
    const indexDir = tempDir();
    writeFileSync(path.join(corpus, "a.jsonl"), jsonl([floodA, floodB, football]));
    await (await open(corpus, indexDir)).close();
    const index = await open(corpus, indexDir);
    expect(archiveStories(index.archive)).toMatchObject({ saved: true, exact: true }); // adopted: nothing to extend
    const engine = new SearchEngine(index.archive);
    const flood = () => engine.search({ ...EMPTY_QUERY, group: true, q: "Thu Bồn", sort: "oldest" });
    expect(flood().hits.map((h) => h.id)).toEqual(["flood-a"]);

    // flood-copy (a copy of flood-a) in a later file: a story of its own until the regrouping is done.
    writeFileSync(path.join(corpus, "b.jsonl"), jsonl([floodCopy]));
    const release = holdRegrouping();
    await index.update();
    expect(archiveStories(index.archive)).toMatchObject({ exact: false, extended: false });
    expectSound(index.archive);
    expect(flood().hits.map((h) => h.id)).toEqual(["flood-a", "flood-copy"]);
    expect(flood().hits[0].story?.size).toBe(2);
    // A browse is answered once per commit and kept, but not while the stories are provisional.
    const browse = () => engine.search({ ...EMPTY_QUERY, group: true, sort: "oldest" });
    expect(browse()).toMatchObject({ total: 3, totalArticles: 4 });

    release();
    await index.storiesSettled();
    expect(archiveStories(index.archive)).toMatchObject({ exact: true, saved: false });
    expect(plain(index.archive)).toEqual(plain(index.archive, groupArchive(index.archive)));
    expect(flood().hits.map((h) => h.id)).toEqual(["flood-a"]);
    expect(flood().hits[0]).toMatchObject({ republishedBy: 1, story: { size: 3 } });
    expect(browse()).toMatchObject({ total: 2, totalArticles: 4 });

    // The background grouping is open to more: the next later file extends it.
    writeFileSync(path.join(corpus, "c.jsonl"), jsonl([floodLater]));
    await index.update();
    expect(archiveStories(index.archive)).toMatchObject({ exact: true, extended: true });
    expect(plain(index.archive)).toEqual(plain(index.archive, groupArchive(index.archive)));
    await index.close();

    // stories.bin holds the exact grouping; a restart before the regrouping was done adopts the
    // provisional one and regroups it itself.
    const again = await open(corpus, indexDir);
    expect(archiveStories(again.archive)).toMatchObject({ saved: true, exact: true });
    unlinkSync(path.join(corpus, "b.jsonl"));
    const releaseAgain = holdRegrouping();
    await again.update();
    expect(archiveStories(again.archive).exact).toBe(false);
    const meta = readIndexFile(storiesFile(indexDir), "stories").json as { exact?: boolean };
    expect(meta.exact).toBe(false);
    const early = await open(corpus, indexDir);
    releaseAgain();
    await Promise.all([again.storiesSettled(), storiesSettled(early.archive)]);
    expect(archiveStories(early.archive).exact).toBe(true);
    expect(plain(early.archive)).toEqual(plain(early.archive, groupArchive(early.archive)));
    expect(plain(early.archive)).toEqual(plain(again.archive));
    await Promise.all([again.close(), early.close()]);
  });
});

describe("a removal's provisional stories", () => {
  it("take the removed articles out of results, facets and stories at once, and leave the other articles' stories as they were", async () => {
    const corpus = tempDir();
    const indexDir = tempDir();
    // flood-a (the original, removed below) copied by flood-copy and told again by flood-b; football removed with it.
    writeFileSync(path.join(corpus, "a.jsonl"), jsonl([floodA, football]));
    writeFileSync(path.join(corpus, "b.jsonl"), jsonl([floodB, floodCopy, floodLater, gold]));
    const index = await open(corpus, indexDir);
    await index.storiesSettled();
    const engine = new SearchEngine(index.archive);
    const browse = (group: boolean) => engine.search({ ...EMPTY_QUERY, group, sort: "oldest", size: 50 });
    const idOf = ({ seg, d }: { seg: { rank: { ids: string[] } }; d: number }) => seg.rank.ids[d];
    /** Each live article's story: its members, each with the original it is a copy of. */
    const storiesNow = () => {
      browse(true); // takes the archive's current stories
      const live = browse(false).hits.map((h) => h.id);
      return new Map(live.map((id) => [id, engine.stories.membersOf(index.archive.locate(id)!).map((m) => `${idOf(m.loc)}<${idOf(m.original)}`)]));
    };
    const before = storiesNow();
    expect(before.get("flood-copy")).toContain("flood-copy<flood-a");

    const release = holdRegrouping();
    unlinkSync(path.join(corpus, "a.jsonl"));
    await index.update();
    expect(archiveStories(index.archive).exact).toBe(false);
    expectSound(index.archive);
    const removed = new Set(["flood-a", "football"]);
    const left = [floodB, floodCopy, floodLater, gold];
    // Results and facets: as if the removed articles had never been.
    expect(
      browse(false)
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(left.map((a) => a.id).sort());
    expect(engine.search({ ...EMPTY_QUERY, q: "bóng đá" }).hits.map((h) => h.id)).not.toContain("football");
    const outlets = new Map<string, number>();
    for (const a of left) outlets.set(a.outlet!.name, (outlets.get(a.outlet!.name) ?? 0) + 1);
    expect(new Map(browse(false).facets.outlets.map((f) => [f.name, f.count]))).toEqual(outlets);
    // Stories: each article's story as before, without the removed ones; a copy of a removed original is its own.
    const expected = new Map(
      [...before]
        .filter(([id]) => !removed.has(id))
        .map(([id, list]) => [
          id,
          list
            .filter((m) => !removed.has(m.split("<")[0]))
            .map((m) => {
              const [doc, orig] = m.split("<");
              return removed.has(orig) ? `${doc}<${doc}` : m;
            }),
        ]),
    );
    expect(storiesNow()).toEqual(expected);
    expect(browse(true).hits.map((h) => h.id)).not.toContain("flood-a");

    release();
    await index.storiesSettled();
    expect(plain(index.archive)).toEqual(plain(index.archive, groupArchive(index.archive)));
    await index.close();
  });
});

/**
 * Provisional stories by their definition, from the archive whole: every live document numbered
 * again (numberArchive), in prev's story (under prev's number) if prev numbered it or else in one
 * of its own (numbered after prev's stories, in corpus order), each story's members sorted by
 * day, then number; a story whose every document was removed is left empty.
 */
function provisionalWhole(prev: ArchiveStories, archive: Archive) {
  const { locs } = numberArchive(archive);
  const oldOf = locs.map((l) => prev.numbers.get(l.seg)?.[l.d] ?? -1);
  const newOf = new Map(oldOf.map((o, x) => [o, x]));
  let own = prev.stories.count;
  const story = oldOf.map((o) => (o >= 0 ? prev.stories.story[o] : own++));
  const original = oldOf.map((o, x) => (o >= 0 ? (newOf.get(prev.stories.original[o]) ?? x) : x));
  const day = (x: number) => locs[x].seg.cols.day[locs[x].d] || 99_999_999;
  const members: number[] = [];
  const start = [0];
  for (let t = 0; t < own; t++) {
    members.push(...story.flatMap((s, x) => (s === t ? [x] : [])).sort((a, b) => day(a) - day(b) || a - b));
    start.push(members.length);
  }
  const stories: Stories = {
    story: Int32Array.from(story),
    original: Int32Array.from(original),
    count: own,
    start: Int32Array.from(start),
    members: Int32Array.from(members),
  };
  return { locs, stories };
}

/** Stories and numbering as plain values, documents named by segment and number. */
function plainOf(s: { locs: ArchiveStories["locs"]; stories: Stories }, archive: Archive, numbers?: ArchiveStories["numbers"]) {
  const at = (x: number) => `${s.locs[x].seg.name}#${s.locs[x].d}`;
  const out = {
    docs: s.locs.map((_, x) => at(x)),
    story: [...s.stories.story],
    original: [...s.stories.original],
    start: [...s.stories.start],
    members: [...s.stories.members],
    numbers: [] as number[][],
  };
  if (numbers) out.numbers = archive.segments.map((seg) => [...numbers.get(seg)!]);
  else out.numbers = archive.segments.map((seg) => Array.from({ length: seg.rank.n }, (_, d) => s.locs.findIndex((l) => l.seg === seg && l.d === d)));
  return out;
}

describe("provisional stories made from the last grouping", () => {
  const pool = [floodA, floodB, floodCopy, floodLater, football, gold];
  const FILES = ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"];
  const doc = fc.record({ article: fc.constantFrom(...pool), id: fc.constantFrom("p", "q", "r", "s", "t", "u", "v"), file: fc.constantFrom(...FILES) });
  type Step = { add: { article: Article; id: string; file: string }[] } | { removeFile: string } | { drop: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ add: fc.array(doc, { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ removeFile: fc.constantFrom(...FILES) }) },
    { weight: 1, arbitrary: fc.record({ drop: fc.nat(4) }) },
  );

  it("renumber nothing before the first changed document: earlier segments' numbers shared, earlier stories' members as they were", () => {
    const archive = new Archive(10);
    let line = 0;
    const add = (name: string, file: string, articles: Article[]) => {
      const docs = articles.map((a, i) => ({ ...a, id: `${name}${i}`, file }));
      archive.add(
        memorySegment(
          name,
          docs.map((article) => ({ article, line: line++ })),
          buildRankIndex(docs),
        ),
      );
      archive.refresh();
    };
    add("s0", "a.jsonl", [floodA, floodB, football]);
    add("s1", "b.jsonl", [gold, floodCopy]);
    add("s2", "c.jsonl", [floodLater, gold]);
    const prev = groupArchive(archive);
    const [s0, s1, s2] = archive.segments;
    archive.removeFile("c.jsonl");
    archive.refresh();
    const made = provisionalStories(prev, archive);
    expect(plainOf(made, archive, made.numbers)).toEqual(plainOf(provisionalWhole(prev, archive), archive));
    // The segments before the removed file keep prev's arrays, and its documents their places.
    expect(made.numbers.get(s0)).toBe(prev.numbers.get(s0));
    expect(made.numbers.get(s1)).toBe(prev.numbers.get(s1));
    expect(made.numbers.get(s2)).not.toBe(prev.numbers.get(s2));
    expect(made.locs.length).toBe(5);
    made.locs.forEach((loc, x) => expect(loc).toBe(prev.locs[x]));
    // A story holding none of the removed documents keeps its number and its members.
    const floodStory = prev.stories.story[prev.numbers.get(s0)![0]];
    const membersOf = (s: ArchiveStories, t: number) => [...s.stories.members.subarray(s.stories.start[t], s.stories.start[t + 1])];
    expect(made.stories.story[made.numbers.get(s0)![0]]).toBe(floodStory);
    expect(membersOf(made, floodStory)).toEqual(membersOf(prev, floodStory).filter((x) => x < 5));
  });

  it("equal those made from the archive whole, after any changes, from an exact or a provisional grouping", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), fc.array(step, { minLength: 1, maxLength: 8 }), (first, then) => {
        const archive = new Archive(10);
        let line = 0;
        let name = 0;
        const apply = (s: Step) => {
          if ("add" in s) {
            const articles = s.add.map((a) => ({ ...a.article, id: a.id, file: a.file }));
            archive.add(
              memorySegment(
                `s${name++}`,
                articles.map((article) => ({ article, line: line++ })),
                buildRankIndex(articles),
              ),
            );
          } else if ("removeFile" in s) archive.removeFile(s.removeFile);
          else if (archive.segments.length) archive.drop(archive.segments[s.drop % archive.segments.length]);
          archive.refresh();
        };
        first.forEach(apply);
        let prev: ArchiveStories = groupArchive(archive);
        for (const s of then) {
          const prevSegments = [...archive.segments];
          const numbered = () => prevSegments.map((seg) => [...prev.numbers.get(seg)!]);
          const held = numbered();
          apply(s);
          // numberArchive (which merges the segments' runs): every live document in corpus order.
          const sorted = archive.segments
            .flatMap((seg) => Array.from({ length: seg.rank.n }, (_, d) => ({ seg, d })).filter(({ seg, d }) => !seg.rank.deleted![d]))
            .sort(
              (a, b) =>
                a.seg.cols.dicts.files[a.seg.cols.file[a.d]].localeCompare(b.seg.cols.dicts.files[b.seg.cols.file[b.d]]) ||
                a.seg.cols.line[a.d] - b.seg.cols.line[b.d],
            );
          expect(numberArchive(archive).locs).toEqual(sorted);
          const made = provisionalStories(prev, archive);
          expect(plainOf(made, archive, made.numbers)).toEqual(plainOf(provisionalWhole(prev, archive), archive));
          // The last grouping, which searches use until the new one is swapped in, is left as it was.
          expect(numbered()).toEqual(held);
          prev = made;
        }
      }),
      { numRuns: 200 },
    );
  });
});
