import { describe, expect, it } from "vitest";
import { findCandidates, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { candidateFeatures, readTaggerModel, score, taggable, taggerScorer, type TaggerModel } from "@/lib/corpus/people-tagger";

const candidate = (text: string, name: string) => {
  const c = findCandidates([text]).find((m) => m.words.join(" ") === name);
  if (!c) throw new Error(`no candidate ${name}`);
  return c;
};

describe("people tagger", () => {
  const model: TaggerModel = { version: 1, weights: { bias: -1, "ls=ascii": 1.5, "fs=ascii": 1, "a=ghi": 1 }, lowerShare: { đội: 4 }, threshold: 0 };

  it("describes a candidate by its syllables, neighbours and corpus statistics", () => {
    const f = candidateFeatures(candidate("Hậu vệ Amine Harit ghi bàn.", "Amine Harit"), model, new PeopleEvidence());
    expect(f).toEqual(expect.arrayContaining(["bias", "n=2", "f=amine", "l=harit", "fs=ascii", "ls=ascii", "a=ghi", "bare=0"]));
    expect(candidateFeatures(candidate("Anh Nguyễn Văn Nam nói.", "Nguyễn Văn Nam"), model)).toEqual(expect.arrayContaining(["allvn", "surname", "m=văn"]));
  });

  it("scores with the model's weights and threshold", () => {
    const score = taggerScorer(model);
    const e = new PeopleEvidence();
    expect(score(candidate("Amine Harit ghi bàn.", "Amine Harit"), e, [])).toBe(true);
    expect(taggerScorer({ ...model, threshold: 5 })(candidate("Amine Harit ghi bàn.", "Amine Harit"), e, [])).toBe(false);
  });

  it("vetoes a name it is sure about, whatever support the article gives", () => {
    const text = ["Hãng ra mắt Lada Niva giá rẻ. Niva bán chậm."];
    const e = new PeopleEvidence();
    e.add(findCandidates(text));
    const sure: TaggerModel = { ...model, weights: { ...model.weights, "f=lada": -10 } };
    expect(resolvePeople(findCandidates(text), e.helpers(taggerScorer(model))).map((p) => p.name)).toEqual(["Lada Niva"]);
    expect(resolvePeople(findCandidates(text), e.helpers(taggerScorer(sure))).map((p) => p.name)).toEqual([]);
  });

  it("never judges lone letters, places, English phrases or common words", () => {
    // A name cut at an initial is no candidate at all; the tagger would not judge one either.
    expect(findCandidates(["Hôm nay Mbappe V trở lại."]).map((m) => m.words.join(" "))).not.toContain("Mbappe V");
    expect(taggable({ ...candidate("Hôm qua Amine Harit tới.", "Amine Harit"), words: ["Mbappe", "V"] }, model)).toBe(false);
    expect(taggable(candidate("Sinh viên Harvard Mỹ đến.", "Harvard Mỹ"), model)).toBe(false);
    expect(taggable(candidate("Bộ phim She Knows ra mắt.", "She Knows"), model)).toBe(false);
    // "Đội" opens a unit's name and is no candidate there (people.ts); the tagger would not judge it either.
    expect(taggable({ ...candidate("Hôm qua Amine Harit tới.", "Amine Harit"), words: ["Đội", "Quân"] }, model)).toBe(false);
    expect(taggable(candidate("Hôm qua Amine Harit tới.", "Amine Harit"), model)).toBe(true);
  });

  it("ships a small model", () => {
    const shipped = readTaggerModel();
    expect(shipped?.version).toBe(1);
    expect(Object.keys(shipped?.weights ?? {}).length).toBeGreaterThan(1000);
  });
});

describe("taggerScorer's mostlyLower (issue #16, frozen22's glued words)", () => {
  it("says whether the corpus writes a word in lower case nearly always", () => {
    const scorer = taggerScorer({ version: 1, weights: {}, lowerShare: { hai: 4, thi: 4, huy: 3, long: 0 }, threshold: 1 });
    expect(["Hai", "hai", "Huy", "Long", "Khoát"].map((w) => scorer.mostlyLower?.(w))).toEqual([true, true, false, false, false]);
  });
});

describe("score", () => {
  it("sums the weights of the features in their order, from an object or a map alike, an unknown feature as 0", () => {
    const weights = { bias: -1, "f=amine": 0.1, "l=harit": 0.2, cue: 3 };
    const features = ["bias", "f=amine", "unknown", "l=harit", "cue", "f=amine"];
    const expected = -1 + 0.1 + 0 + 0.2 + 3 + 0.1;
    expect(score(weights, features)).toBe(expected);
    expect(score(new Map(Object.entries(weights)), features)).toBe(expected);
  });
});
