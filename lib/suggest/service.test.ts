import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { buildRankIndex } from "@/lib/search/rank-index";
import { suggestBuild, suggestIndexFor, suggestionsFor } from "@/lib/suggest/service";
import { SuggestIndex, suggestSource } from "@/lib/suggest/suggest-index";
import { suggestArticles, suggestPrefixes } from "@/lib/suggest/test-archive";

const turn = () => new Promise((resolve) => setImmediate(resolve));
const answersOf = (index: SuggestIndex | null) => JSON.stringify(suggestPrefixes().map((q) => [q, index?.suggest(q) ?? []]));
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * What the builder of main e650db5 (built at once, on the suggestion's request) answered to
 * every prefix of the test archive: `sha256(answersOf(index))` there.
 */
const BUILT_AT_ONCE = "b196f04ddc89a2d34a9ecad047137aee47cb0b9a52320c7eb6adc9c1dd4ef907";

/** A segment of `articles` added to the archive, as a live update adds a file's. */
function add(archive: Archive, name: string, articles: Article[]) {
  archive.add(
    memorySegment(
      name,
      articles.map((article, line) => ({ article, line })),
      buildRankIndex(articles),
    ),
  );
  archive.refresh();
}

describe("the suggest index of an engine, built between requests", () => {
  it("answers none at first, and builds in the background what the old builder built at once", async () => {
    const engine = new SearchEngine(suggestArticles());
    // The request that starts the build is answered at once, without it.
    expect(suggestionsFor(engine, "vla", 0)).toEqual([]);
    expect(suggestIndexFor(engine, 0)).toBeNull();
    await suggestBuild(engine);
    const built = suggestIndexFor(engine)!;
    expect(suggestionsFor(engine, "vla")).toEqual([{ kind: "person", text: "Vladimir Putin", id: "vladimir-putin" }]);
    expect(sha256(answersOf(built))).toBe(BUILT_AT_ONCE);
    expect(answersOf(built)).toBe(answersOf(new SuggestIndex(suggestSource(engine.entries()))));
  });

  it("yields to the event loop between steps: other work runs while it builds", async () => {
    const engine = new SearchEngine(suggestArticles());
    suggestIndexFor(engine, 0);
    let turns = 0;
    let building = true;
    const count = () => {
      turns++;
      if (building) setImmediate(count);
    };
    setImmediate(count);
    await suggestBuild(engine);
    building = false;
    // 300 titles read, tokenised twice, tallied and ranked in steps of 64 titles or fewer.
    expect(turns).toBeGreaterThan(10);
    expect(suggestIndexFor(engine)).not.toBeNull();
  });

  it("reads the archive again when it changes while its titles are read", async () => {
    const archive = new Archive(12);
    add(archive, "s0", [testArticle({ id: "gone", persons: ["Zubrakia Kelvot"] }), ...suggestArticles()]);
    const engine = new SearchEngine(archive);
    suggestIndexFor(engine, 0);
    // The first steps read the first article; then it is removed.
    for (let i = 0; i < 3; i++) await turn();
    archive.removeFile("gone.txt");
    archive.refresh();
    await suggestBuild(engine);
    expect(suggestionsFor(engine, "zub")).toEqual([]);
    expect(answersOf(suggestIndexFor(engine))).toBe(answersOf(new SuggestIndex(suggestSource(engine.entries()))));
  });

  it("keeps answering from the index built last while the archive changes, rebuilt at most once a minute", async () => {
    const archive = new Archive(12);
    add(archive, "s0", suggestArticles(40));
    const engine = new SearchEngine(archive);
    suggestIndexFor(engine);
    await suggestBuild(engine);
    const first = suggestIndexFor(engine);
    add(archive, "s1", [testArticle({ id: "new", persons: ["Zubrakia Kelvot"] })]);
    // Within the minute: the same index, no build started.
    expect(suggestIndexFor(engine)).toBe(first);
    await suggestBuild(engine);
    expect(suggestIndexFor(engine)).toBe(first);
    expect(suggestionsFor(engine, "zub")).toEqual([]);
  });

  it("ends while the archive keeps changing: a reading that overlaps changes is kept after three cut short", async () => {
    const archive = new Archive(12);
    add(archive, "s0", suggestArticles());
    const engine = new SearchEngine(archive);
    suggestIndexFor(engine, 0);
    // A new file every turn of the event loop, as long as the build runs.
    let files = 0;
    let building = true;
    const change = () => {
      if (!building) return;
      add(archive, `new-${files}`, [testArticle({ id: `new-${files++}` })]);
      setImmediate(change);
    };
    setImmediate(change);
    await suggestBuild(engine);
    building = false;
    expect(files).toBeGreaterThan(3);
    expect(suggestionsFor(engine, "vla")).toEqual([{ kind: "person", text: "Vladimir Putin", id: "vladimir-putin" }]);
  });
});
