import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { LiveIndex } from "@/lib/index/live-index";
import { SearchEngine } from "@/lib/search/engine";
import type { Hit } from "@/lib/search/matcher";
import { bestFirst, newestFirst } from "@/lib/search/topk";
import { archiveStories } from "@/lib/stories/archive-stories";
import { floodA, floodB, floodCopy, floodLater, football, gold } from "@/lib/stories/fixtures";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery } from "@/lib/api/contract";

const engine = new SearchEngine([floodA, floodB, floodCopy, floodLater, football, gold]);
const search = (q: Partial<SearchQuery>) => engine.search({ ...EMPTY_QUERY, ...q });
const ids = (q: Partial<SearchQuery>) => search(q).hits.map((h) => h.id);

describe("grouped search", () => {
  it("shows a story once, with its other reports and the copies folded under the earliest publisher", () => {
    const r = search({ group: true, sort: "oldest" });
    expect(r.hits.map((h) => h.id)).toEqual(["flood-a", "football", "gold", "flood-later"]);
    expect(r.total).toBe(4);
    expect(r.totalArticles).toBe(6);
    const a = r.hits[0];
    expect(a.republishedBy).toBe(1);
    expect(a.story).toMatchObject({ id: "flood-a", size: 3, reports: 2, outlets: 3 });
    expect(a.story!.others).toEqual([
      { id: "flood-b", title: floodB.title, outlet: floodB.outlet, date: "2017-06-11", dateEstimated: false, url: floodB.url, republishedBy: 0 },
    ]);
    expect(r.hits[1].story).toBeNull();
    expect(r.hits[1].republishedBy).toBe(0);
  });

  it("the original stands for its copies even when a copy comes first in the order", () => {
    // Newest first: the copy (06-12) comes before the original (06-10).
    expect(ids({ group: true, sort: "newest" })).toEqual(["flood-later", "flood-a", "gold", "football"]);
  });

  it("a story's best match stands for it: the report first in the order", () => {
    const r = search({ group: true, q: "hai người thiệt mạng", sort: "relevance" });
    expect(r.hits[0].id).toBe("flood-b");
    expect(r.hits[0].story!.others.map((o) => o.id)).toEqual(["flood-a"]);
    expect(r.hits[0].story!.size).toBe(3);
  });

  it("a filter that only a copy passes shows the copy", () => {
    const r = search({ group: true, outlet: [floodCopy.outlet!.id], q: "Thu Bồn" });
    expect(r.hits.map((h) => h.id)).toEqual(["flood-copy"]);
    expect(r.hits[0].republishedBy).toBe(1);
  });

  it("without grouping every article is listed, without story fields", () => {
    const r = search({ sort: "oldest" });
    expect(r.hits.map((h) => h.id)).toEqual(["flood-a", "football", "flood-b", "gold", "flood-copy", "flood-later"]);
    expect(r.total).toBe(6);
    expect(r.hits[0].story).toBeUndefined();
    expect(search({ group: false }).total).toBe(6);
  });

  it("pages count stories", () => {
    const r = search({ group: true, sort: "oldest", size: 3, page: 2 });
    expect(r.hits.map((h) => h.id)).toEqual(["flood-later"]);
  });
});

describe("a grouping's hits added as lists", () => {
  engine.prepare();
  const stories = engine.stories;
  const locs = engine.archive.segments.flatMap((seg) => Array.from({ length: seg.rank.n }, (_, d) => ({ seg, d })));
  const same = (a: { seg: unknown; d: number }, b: { seg: unknown; d: number }) => a.seg === b.seg && a.d === b.d;

  /** What grouping the hits one by one gives, worked out from the stories' members (no grouping scratch). */
  function bruteForce(hits: Hit[], order: (a: Hit, b: Hit) => number, start: number, size: number) {
    const storyOf = stories.begin(order);
    const best = new Map<number, Hit>();
    for (const h of hits) {
      const s = storyOf.storyOf(h.seg, h.d);
      if (s < 0) continue;
      const b = best.get(s);
      if (!b || order(h, b) < 0) best.set(s, h);
    }
    const shown = [...best.values()]
      .sort(order)
      .slice(start, start + size)
      .map((h) => {
        const original = stories.membersOf(h).find((m) => same(m.loc, h))!.original;
        const stand = same(original, h) ? undefined : hits.findLast((x) => same(x, original));
        return stand ?? h;
      });
    return { total: best.size, shown };
  }

  const hitLists = fc.array(fc.record({ at: fc.nat({ max: locs.length - 1 }), score: fc.integer({ min: 0, max: 4 }) }), { maxLength: 12 });

  it("gives each story's best hit, the original standing for its copies, as adding the hits one at a time would", () => {
    fc.assert(
      fc.property(hitLists, fc.nat({ max: 12 }), fc.boolean(), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 4 }), (drawn, cut, newest, start, size) => {
        const order = newest ? newestFirst : bestFirst;
        const hits: Hit[] = drawn.map(({ at, score }) => ({ ...locs[at], score }));
        const want = bruteForce(hits, order, start, size);
        // All at once, in two lists, and one list per hit: the same grouping.
        const splits = [[hits], [hits.slice(0, cut), hits.slice(cut)], hits.map((h) => [h])];
        for (const lists of splits) {
          const grouping = stories.begin(order);
          for (const list of lists) grouping.addHits(list);
          expect(grouping.total).toBe(want.total);
          expect(grouping.ranked(start, size)).toEqual(want.shown);
          for (const h of hits) expect(grouping.holdsStoryOf(h.seg, h.d)).toBe(true);
        }
      }),
    );
  });

  it("counts stories without keeping hits when asked to (a probe), as adding each document does", () => {
    fc.assert(
      fc.property(hitLists, (drawn) => {
        const hits: Hit[] = drawn.map(({ at, score }) => ({ ...locs[at], score }));
        const each = stories.begin(bestFirst);
        for (const h of hits) each.add(h.seg, h.d);
        const total = each.total;
        expect(total).toBe(bruteForce(hits, bestFirst, 0, 1).total);
        const probe = stories.begin(bestFirst);
        probe.addHits(hits, false);
        expect(probe.total).toBe(total);
        // Counted only: nothing to rank.
        expect(probe.ranked(0, 5)).toEqual([]);
      }),
    );
  });

  it("a story first counted, then given a hit, is ranked by that hit, not by one an earlier grouping kept", () => {
    const story = locs.map((loc) => stories.membersOf(loc)).find((members) => members.length >= 2)!;
    const [a, b] = [story[0].loc, story[1].loc];
    const earlier = stories.begin(bestFirst);
    earlier.addHits([{ ...a, score: 9 }]);
    const grouping = stories.begin(bestFirst);
    grouping.add(a.seg, a.d);
    const hit = { ...b, score: 1 };
    grouping.addHits([hit]);
    expect(grouping.total).toBe(1);
    expect(grouping.ranked(0, 5)).toEqual([hit]);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function jsonl(articles: Article[]): string {
  return (
    articles.map((a) => JSON.stringify({ id: a.id, title: a.title, body: a.paragraphs.join("\n"), date: a.date, outlet: a.outlet?.name })).join("\n") + "\n"
  );
}

describe("stories over a live, segmented index", () => {
  it("a copy arriving in a new file folds under the original of an older segment, and comes apart when removed", async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), "timtin-stories-"));
    dirs.push(corpus);
    writeFileSync(path.join(corpus, "a.jsonl"), jsonl([floodA, football]));
    const index = await LiveIndex.open({ corpusDir: corpus, indexDir: null, sketchBits: 12 });
    const live = new SearchEngine(index.archive);
    const grouped = () => live.search({ ...EMPTY_QUERY, group: true, sort: "oldest" });
    expect(grouped().total).toBe(2);

    writeFileSync(path.join(corpus, "b.jsonl"), jsonl([floodCopy, floodB]));
    await index.update();
    expect(index.archive.segments.length).toBe(2);
    const r = grouped();
    expect(r.hits.map((h) => h.id)).toEqual(["flood-a", "football"]);
    expect(r.hits[0].republishedBy).toBe(1);
    expect(r.hits[0].story!.others.map((o) => o.id)).toEqual(["flood-b"]);

    // A fresh build of the same corpus (one segment) forms the same stories.
    const fresh = new SearchEngine((await LiveIndex.open({ corpusDir: corpus, indexDir: null, sketchBits: 12 })).archive);
    expect(fresh.search({ ...EMPTY_QUERY, group: true, sort: "oldest" }).hits).toEqual(r.hits);

    unlinkSync(path.join(corpus, "b.jsonl"));
    await index.update();
    // A removal: provisional stories at once (the copy and the other report dropped), then regrouped.
    expect(grouped().hits.map((h) => [h.id, h.story])).toEqual([
      ["flood-a", null],
      ["football", null],
    ]);
    expect(live.stories.exact).toBe(false);
    await index.storiesSettled();
    expect(archiveStories(index.archive).exact).toBe(true);
    expect(grouped().hits.map((h) => [h.id, h.story])).toEqual([
      ["flood-a", null],
      ["football", null],
    ]);
    expect(live.stories.exact).toBe(true);
    await index.close();
  });
});
