import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { floodA, floodB, floodCopy, floodLater, football, gold, storyArticle } from "@/lib/stories/fixtures";
import { dayNumber, groupStories, publicationOrder, STORY_RULE, StoryGrouper, type StoryDocs } from "@/lib/stories/group";
import { groupOffThread } from "@/lib/stories/group-off-thread";
import { EMPTY, resemblance, SLOTS, STRIDE, storySignature } from "@/lib/stories/signature";

/** Group articles; returns each article's story as the id of its story's first member, and copies. */
function group(articles: Article[]) {
  const persons = new Map<string, number>();
  const personStart = new Int32Array(articles.length + 1);
  const personVals: number[] = [];
  articles.forEach((a, i) => {
    for (const p of a.persons) {
      if (!persons.has(p.id)) persons.set(p.id, persons.size);
      personVals.push(persons.get(p.id)!);
    }
    personStart[i + 1] = personVals.length;
  });
  const sigs = new Uint16Array(articles.length * STRIDE);
  articles.forEach((a, i) => sigs.set(storySignature(a), i * STRIDE));
  const day = Int32Array.from(articles, (a) => (a.date ? Number(a.date.replaceAll("-", "")) : 0));
  const s = groupStories({ day, sigs, personStart, personVals: Int32Array.from(personVals) });
  const head = (i: number) => articles[s.members[s.start[s.story[i]]]].id;
  return {
    story: Object.fromEntries(articles.map((a, i) => [a.id, head(i)])),
    copyOf: Object.fromEntries(articles.flatMap((a, i) => (s.original[i] !== i ? [[a.id, articles[s.original[i]].id]] : []))),
    count: s.count,
  };
}

const sim = (a: Article, b: Article) => resemblance(storySignature(a), 0, storySignature(b), 0);

describe("story signatures", () => {
  it("agree everywhere for one text, mostly for one event, little for unrelated news", () => {
    expect(sim(floodA, floodCopy)).toBe(1);
    expect(sim(floodA, floodB)).toBeGreaterThanOrEqual(STORY_RULE.eventMin);
    expect(sim(floodA, floodB)).toBeLessThan(STORY_RULE.copyMin);
    expect(sim(floodA, football)).toBeLessThan(STORY_RULE.eventMin);
    expect(sim(gold, football)).toBeLessThan(STORY_RULE.eventMin);
  });

  it("an article without words resembles nothing, not even itself", () => {
    const empty = storyArticle("empty", null, null, "", [""]);
    expect(storySignature(empty)[0]).toBe(EMPTY);
    expect(sim(empty, empty)).toBe(0);
  });

  it("tone placement and case do not change a signature", () => {
    const a = storyArticle("x", null, null, "Hòa bình cho Ukraine", ["Thỏa thuận hòa bình được ký kết."]);
    const b = storyArticle("y", null, null, "HOÀ BÌNH CHO UKRAINE", ["Thoả thuận hoà bình được ký kết."]);
    expect(sim(a, b)).toBe(1);
  });
});

describe("groupStories", () => {
  it("one event told by two outlets is one story", () => {
    const g = group([floodA, floodB, football, gold]);
    expect(g.story["flood-b"]).toBe("flood-a");
    expect(g.copyOf).toEqual({});
  });

  it("unrelated articles of the same days stay apart", () => {
    const g = group([floodA, football, gold]);
    expect(g.count).toBe(3);
  });

  it("a republished copy is folded under the earliest publisher, whichever comes first in the corpus", () => {
    const g = group([floodCopy, floodB, floodA]);
    expect(g.copyOf).toEqual({ "flood-copy": "flood-a" });
    expect(g.story).toEqual({ "flood-copy": "flood-a", "flood-b": "flood-a", "flood-a": "flood-a" });
  });

  it("the same kind of story six weeks later is another story (reports of one event are at most eventDays apart)", () => {
    expect(sim(floodA, floodLater)).toBeGreaterThanOrEqual(STORY_RULE.eventMin);
    const g = group([floodA, floodB, floodLater]);
    expect(g.story["flood-later"]).toBe("flood-later");
    // The same texts two days apart would be one story: the dates are what keep them apart.
    const g2 = group([floodA, { ...floodLater, date: "2017-06-12" }]);
    expect(g2.story["flood-later"]).toBe("flood-a");
  });

  it("briefs too short to tell what they report are not grouped as one event, even when alike", () => {
    const brief = (i: number) => storyArticle(`brief-${i}`, "2022-03-01", null, `Bản tin số ${i}`, [`Nội dung bản tin số ${i} về thời tiết và giao thông.`]);
    expect(sim(brief(3), brief(4))).toBeGreaterThanOrEqual(STORY_RULE.eventMin);
    expect(group([brief(3), brief(4)]).count).toBe(2);
  });

  it("undated articles gather their copies only", () => {
    const undatedB = { ...floodB, date: null };
    const undatedCopy = { ...floodCopy, id: "undated-copy", date: null };
    const g = group([floodA, undatedB, undatedCopy]);
    expect(g.story["flood-b"]).toBe("flood-b");
    expect(g.copyOf).toEqual({ "undated-copy": "flood-a" });
  });

  it("reports that name different people are different stories", () => {
    const other = { ...floodB, persons: [{ id: "someone-else", name: "Someone Else" }] };
    expect(group([floodA, other]).story["flood-b"]).toBe("flood-b");
  });

  it("stories are stars, not chains: a report joins the first report of a story, not its last", () => {
    // C shares B's own sentences, none of A's, a day after B and two after A.
    const c = storyArticle(
      "flood-c",
      "2017-06-12",
      "Báo D",
      floodB.title,
      [floodB.paragraphs[0], floodB.paragraphs[4], football.paragraphs[0]],
      ["Đinh Văn Thu"],
    );
    expect(sim(floodB, c)).toBeGreaterThanOrEqual(STORY_RULE.eventMin);
    expect(sim(floodA, c)).toBeLessThan(STORY_RULE.eventMin);
    const g = group([floodA, floodB, c]);
    expect(g.story["flood-b"]).toBe("flood-a");
    expect(g.story["flood-c"]).toBe("flood-c");
  });

  it("dayNumber counts calendar days", () => {
    expect(dayNumber(20170301) - dayNumber(20170228)).toBe(1);
    expect(dayNumber(20170101) - dayNumber(20161231)).toBe(1);
  });
});

describe("StoryGrouper: documents added after the grouped ones", () => {
  /** Random documents drawn around a few texts (so copies and events happen), a few days, a few people. */
  const docsArb = fc
    .array(
      fc.record({
        base: fc.nat(12),
        // Slots changed from the base text: few make copies, 15-50 reports of one event.
        changed: fc.oneof(fc.nat(8), fc.integer({ min: 15, max: 45 })),
        from: fc.nat(SLOTS - 1),
        day: fc.constantFrom(0, 20170601, 20170602, 20170603, 20170610),
        shingles: fc.constantFrom(10, 60),
        empty: fc.nat(9).map((v) => v === 0),
        people: fc.array(fc.nat(3), { maxLength: 2 }),
      }),
      { maxLength: 60 },
    )
    .map((list) => {
      const n = list.length;
      const sigs = new Uint16Array(n * STRIDE);
      const personStart = new Int32Array(n + 1);
      const personVals: number[] = [];
      list.forEach((d, i) => {
        for (let s = 0; s < SLOTS; s++) sigs[i * STRIDE + s] = d.empty ? EMPTY : d.base * 100 + s;
        if (!d.empty) for (let k = 0; k < d.changed; k++) sigs[i * STRIDE + ((d.from + k) % SLOTS)] = 7000 + i;
        sigs[i * STRIDE + SLOTS] = d.shingles;
        personVals.push(...d.people);
        personStart[i + 1] = personVals.length;
      });
      return { day: Int32Array.from(list, (d) => d.day), sigs, personStart, personVals: Int32Array.from(personVals) };
    });

  /** Documents from..to of `docs`, numbered from 0. */
  const slice = (docs: StoryDocs, from: number, to: number): StoryDocs => ({
    day: docs.day.slice(from, to),
    sigs: docs.sigs.slice(from * STRIDE, to * STRIDE),
    personStart: Int32Array.from(docs.personStart.subarray(from, to + 1), (p) => p - docs.personStart[from]),
    personVals: docs.personVals.slice(docs.personStart[from], docs.personStart[to]),
  });

  /** The documents of `docs` in the order `ids`, numbered from 0. */
  const pick = (docs: StoryDocs, ids: number[]): StoryDocs => {
    const out: StoryDocs = {
      day: Int32Array.from(ids, (i) => docs.day[i]),
      sigs: new Uint16Array(ids.length * STRIDE),
      personStart: new Int32Array(ids.length + 1),
      personVals: new Int32Array(docs.personVals.length),
    };
    ids.forEach((i, k) => {
      out.sigs.set(docs.sigs.subarray(i * STRIDE, (i + 1) * STRIDE), k * STRIDE);
      const people = docs.personVals.subarray(docs.personStart[i], docs.personStart[i + 1]);
      out.personVals.set(people, out.personStart[k]);
      out.personStart[k + 1] = out.personStart[k] + people.length;
    });
    return out;
  };

  it("groups documents appended in parts exactly as all of them at once, undated ones anywhere", () => {
    fc.assert(
      fc.property(docsArb, fc.array(fc.nat(60), { maxLength: 4 }), fc.array(fc.nat(4), { minLength: 60, maxLength: 60 }), (docs, cuts, partOf) => {
        // Dated documents by day, cut into parts; each undated one joins a random part.
        const n = docs.day.length;
        const dated = Array.from(docs.day.keys())
          .filter((i) => docs.day[i])
          .sort((a, b) => docs.day[a] - docs.day[b]);
        const bounds = [0, ...cuts.map((c) => Math.min(c, dated.length)).sort((a, b) => a - b), dated.length];
        const parts = bounds.slice(1).map((to, p) => dated.slice(bounds[p], to));
        for (let i = 0; i < n; i++) if (!docs.day[i]) parts[partOf[i] % parts.length].push(i);
        const arrival = parts.flat();
        const grouper = new StoryGrouper();
        let at = 0;
        for (const part of parts) {
          const piece = slice(pick(docs, arrival), at, (at += part.length));
          expect(grouper.canAppend(piece.day)).toBe(true);
          grouper.append(piece);
        }
        expect(grouper.result()).toEqual(groupStories(pick(docs, arrival)));
      }),
      { numRuns: Number(process.env.RUNS ?? 300), seed: process.env.SEED ? Number(process.env.SEED) : undefined },
    );
  });

  it("keeps every copy candidate when new dated documents send the undated tail back into the buckets (fast-check seed -1434140002)", () => {
    // Two undated originals, then a dated document (like the first, not enough for a copy)
    // and an undated copy of the second: the tail's entries and the new ones together
    // outnumber the new ones alone.
    // Slots `from`..`from + changed - 1` of text `base` replaced by `mark`.
    const doc = (base: number, from = 0, changed = 0, mark = 7000) => {
      const sig = Array.from({ length: STRIDE }, (_, s) => base * 100 + s);
      for (let k = 0; k < changed; k++) sig[from + k] = mark;
      sig[SLOTS] = 10;
      return sig;
    };
    const docs = (list: { day: number; sig: number[] }[]): StoryDocs => ({
      day: Int32Array.from(list, (d) => d.day),
      sigs: Uint16Array.from(list.flatMap((d) => d.sig)),
      personStart: new Int32Array(list.length + 1),
      personVals: new Int32Array(0),
    });
    const first = [
      { day: 0, sig: doc(0, 0, 15, 7000) },
      { day: 0, sig: doc(6) },
    ];
    const second = [
      { day: 20170603, sig: doc(0, 5, 15, 7003) },
      { day: 0, sig: doc(6) },
    ];
    const grouper = new StoryGrouper();
    grouper.append(docs(first));
    grouper.append(docs(second));
    const all = groupStories(docs([...first, ...second]));
    expect(all.original[3]).toBe(1);
    expect(grouper.result()).toEqual(all);
  });

  it("a whole grouping keeps room: a few more documents extend it without copying its arrays", () => {
    const one = (day: number, n: number): StoryDocs => ({
      day: new Int32Array(n).fill(day),
      sigs: new Uint16Array(n * STRIDE),
      personStart: new Int32Array(n + 1),
      personVals: new Int32Array(0),
    });
    const grouper = new StoryGrouper();
    grouper.append(one(20170601, 800));
    const own = () =>
      Object.values(grouper)
        .filter((v) => ArrayBuffer.isView(v) && v.byteLength > 64)
        .map((v) => (v as Int32Array).buffer);
    const before = own();
    grouper.append(one(20170602, 100));
    expect(own().length).toBe(before.length);
    expect(own().every((b, i) => b === before[i])).toBe(true);
    const all = one(20170601, 900);
    all.day.fill(20170602, 800);
    expect(grouper.result()).toEqual(groupStories(all));
  });

  it("refuses documents published before the grouped ones", () => {
    const grouper = new StoryGrouper();
    const one = (day: number): StoryDocs => ({
      day: Int32Array.of(day),
      sigs: new Uint16Array(STRIDE),
      personStart: new Int32Array(2),
      personVals: new Int32Array(0),
    });
    grouper.append(one(20170602));
    expect(grouper.canAppend(Int32Array.of(20170601))).toBe(false);
    expect(grouper.canAppend(Int32Array.of(20170602))).toBe(true);
    expect(() => grouper.append(one(20170601))).toThrow();
    grouper.append(one(0));
    expect(grouper.canAppend(Int32Array.of(20170603))).toBe(true);
    expect(grouper.canAppend(Int32Array.of(20170601))).toBe(false);
    expect(grouper.canAppend(Int32Array.of(0))).toBe(true);
  });

  /** A copy of `docs` (the worker takes the arrays it is sent). */
  const copy = (docs: StoryDocs): StoryDocs => ({
    day: docs.day.slice(),
    sigs: docs.sigs.slice(),
    personStart: docs.personStart.slice(),
    personVals: docs.personVals.slice(),
  });

  it("a grouping made on the worker thread equals the one made here, and its grouper extends alike", async () => {
    await fc.assert(
      fc.asyncProperty(docsArb, fc.nat(60), async (docs, cut) => {
        // The documents in publication order, cut in two.
        const all = pick(docs, [...publicationOrder(docs.day)]);
        const at = Math.min(cut, all.day.length);
        const first = slice(all, 0, at);
        const rest = slice(all, at, all.day.length);
        const here = new StoryGrouper();
        here.append(first);
        const there = await groupOffThread(copy(first));
        expect(there.stories).toEqual(here.result());
        expect(there.stories).toEqual(groupStories(first));
        here.append(rest);
        there.grouper.append(rest);
        expect(there.grouper.result()).toEqual(here.result());
      }),
      { numRuns: Number(process.env.RUNS ?? 60), seed: process.env.SEED ? Number(process.env.SEED) : undefined },
    );
  });

  it("a grouper revived from a structured clone goes on as the original", () => {
    const docs = fc.sample(docsArb, { numRuns: 50, seed: 7 }).reduce((a, b) => (b.day.length > a.day.length ? b : a));
    const all = pick(docs, [...publicationOrder(docs.day)]);
    const half = all.day.length >> 1;
    const original = new StoryGrouper();
    original.append(slice(all, 0, half));
    const revived = StoryGrouper.revive(structuredClone(original));
    expect(revived.buffers().length).toBe(original.buffers().length);
    const rest = slice(all, half, all.day.length);
    original.append(rest);
    revived.append(rest);
    expect(revived.result()).toEqual(original.result());
  });
});
