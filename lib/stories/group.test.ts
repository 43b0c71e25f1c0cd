import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/corpus/types";
import { floodA, floodB, floodCopy, floodLater, football, gold, storyArticle } from "@/lib/stories/fixtures";
import { dayNumber, groupStories, STORY_RULE } from "@/lib/stories/group";
import { EMPTY, resemblance, STRIDE, storySignature } from "@/lib/stories/signature";

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
