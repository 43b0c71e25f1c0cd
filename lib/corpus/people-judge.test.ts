import { describe, expect, it } from "vitest";
import { findCandidates, openNames, resolvePeople } from "@/lib/corpus/people";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { readFileSync } from "node:fs";
import { articleContext, FeatureWeights, judgeScore, type JudgeModel, personAdder, personFeatures, personJudge, personScore } from "@/lib/corpus/people-judge";

const names = (text: string, helpers = {}) => resolvePeople(findCandidates([text]), helpers).map((p) => p.name);

describe("people judge", () => {
  it("describes a person found by its words, how the article writes it and the archive's counts", () => {
    const text = "Đồng hồ Oyster Perpetual được ưa chuộng. Ông Kieran Gibbs, 27 tuổi, cho biết Gibbs ổn.";
    const mentions = findCandidates([text]);
    const evidence = new PeopleEvidence();
    evidence.add(mentions);
    const brand = personFeatures(["Oyster", "Perpetual"], mentions, {}, evidence);
    expect(brand).toEqual(expect.arrayContaining(["bias", "n=2", "en=all", "own=1", "ev-titled=0"]));
    const person = personFeatures(["Kieran", "Gibbs"], mentions, {}, evidence);
    expect(person).toEqual(expect.arrayContaining(["en=0", "titled", "person-titled", "cue", "own=1", "short=1", "ev-titled=1", "b=ông"]));
    expect(personFeatures(["Nguyễn", "Văn", "Nam"], findCandidates(["Anh Nguyễn Văn Nam nói."]), {})).toEqual(
      expect.arrayContaining(["allvn", "surname", "n=3"]),
    );
  });

  it("counts the article's shorter forms of a name: its first word, its last word, a shorter name it opens with", () => {
    const mentions = findCandidates([
      "Ông Kieran Gibbs đến Hà Nội. Hôm qua Kieran vui, Gibbs cũng vui, còn Kieran Gibbs Junior thì không. Bà Kiera đến, ông Ibbs cũng đến.",
    ]);
    expect(mentions.map((m) => m.words.join(" "))).toEqual(["Kieran Gibbs", "Kieran", "Gibbs", "Kieran Gibbs Junior", "Kiera", "Ibbs"]);
    // "Kieran" opens it, "Gibbs" ends it; "Kieran Gibbs Junior" is longer, and "Kiera" and "Ibbs" only its first and last letters.
    expect(personFeatures(["Kieran", "Gibbs"], mentions, {})).toContain("short=2");
    // "Kieran" and "Kieran Gibbs" (titled) open "Kieran Gibbs Junior"; "Gibbs" neither opens nor ends it.
    expect(personFeatures(["Kieran", "Gibbs", "Junior"], mentions, {})).toEqual(expect.arrayContaining(["short=2", "part-titled"]));
    expect(personFeatures(["Gibbs"], mentions, {})).toEqual(expect.arrayContaining(["full-here-titled"]));
  });

  it("reads the article: a sports piece, its lists of names, a fuller name ending with a one-word one, an English word a role introduces", () => {
    const sport = findCandidates(["Tiền đạo Martial ghi bàn. Đội hình: Rui Patricio, Cancelo, Neves, Guedes và Carvalho. Joao Cancelo cũng đá."]);
    const context = articleContext(sport);
    expect(context.sport).toBe(true);
    expect(context.run).toEqual([1, 5, 5, 5, 5, 5, 1]);
    expect(context.runStrong).toEqual([true, false, false, false, false, false, false]);
    const neves = personFeatures(["Neves"], sport, {});
    expect(neves).toEqual(expect.arrayContaining(["sport", "sport|n=1", "run=3", "list"]));
    expect(neves).not.toContain("full-here");
    expect(personFeatures(["Cancelo"], sport, {})).toContain("full-here");
    // Under the line-up's header; the same name in prose is no item.
    expect(neves).toContain("line-up");
    expect(personFeatures(["Neves"], findCandidates(["Cancelo, Neves, Guedes và Carvalho đã tới."]), {})).not.toContain("line-up");
    expect(personFeatures(["Martial"], sport, {})).toEqual(expect.arrayContaining(["en-all=35", "en1|titled"]));
    const news = findCandidates(["Ông Kieran Gibbs gặp Cancelo ở Hà Nội. Holding nói Martial vui."]);
    expect(articleContext(news).sport).toBe(false);
    expect(personFeatures(["Martial"], news, {})).toEqual(expect.arrayContaining(["en1|untitled", "run=1"]));
    expect(personFeatures(["Martial"], news, {})).not.toContain("sport");
    // In a list with a titled name.
    const listed = findCandidates(["Có ông Kieran Gibbs, Wendy Rabb và Cancelo."]);
    expect(personFeatures(["Wendy", "Rabb"], listed, {})).toEqual(expect.arrayContaining(["run-strong", "run=3"]));
  });

  it("drops the people found that the model scores below its threshold", () => {
    const text = "Mẫu Oyster Perpetual và Kieran Gibbs, 27 tuổi, đến.";
    const evidence = new PeopleEvidence();
    const model: JudgeModel = { version: 1, weights: { bias: 1, "en=all": -3 }, threshold: 0 };
    const judge = personJudge(model, {});
    expect(names(text)).toEqual(expect.arrayContaining(["Oyster Perpetual", "Kieran Gibbs"]));
    const judged = names(text, { judge: (words: readonly string[], mentions: never) => judge(words, mentions, evidence) });
    expect(judged).toContain("Kieran Gibbs");
    expect(judged).not.toContain("Oyster Perpetual");
  });

  it("adds open full names the second model scores above its threshold", () => {
    const text = "Hôm qua Wendy Rabb ghé Hà Nội cùng ông Kieran Gibbs.";
    const mentions = findCandidates([text]);
    const found = resolvePeople(mentions);
    expect(found.map((p) => p.name)).toEqual(["Kieran Gibbs"]);
    expect(openNames(found, mentions)).toEqual([["Wendy", "Rabb"]]);
    const evidence = new PeopleEvidence();
    const model: JudgeModel = { version: 1, weights: {}, threshold: -1e9, add: { weights: { bias: -1, "en=0": 2 }, threshold: 0 } };
    const add = personAdder(model, {})!;
    const out = resolvePeople(mentions, { add: (words, m) => add(words, m, evidence) });
    expect(out).toEqual(expect.arrayContaining([{ id: "wendi-rabb", name: "Wendy Rabb" }]));
    expect(personAdder({ ...model, add: undefined }, {})).toBeUndefined();
  });

  it("asks about foreign one-word names no person found explains, not about a found person's surname", () => {
    const mentions = findCandidates(["Neymar và ông Kieran Gibbs đến. Gibbs vui, FIFA cũng vậy."]);
    expect(openNames(resolvePeople(mentions), mentions)).toEqual([["Neymar"]]);
  });

  it("scores a person without building its features' strings: the very number the strings' weights sum to", () => {
    const texts = [
      "Tiền đạo Martial ghi bàn. Đội hình: Rui Patricio, Cancelo, Neves, Guedes và Carvalho. Joao Cancelo cũng đá.",
      "Ông Kieran Gibbs đến Hà Nội. Hôm qua Kieran vui, Gibbs cũng vui. Đồng hồ Oyster Perpetual được ưa chuộng, theo AP.",
      "Anh Nguyễn Văn Nam nói với bà Trần Thị Mai rằng Nam sẽ về. The Voice có Wendy Rabb, 2017 Holding.",
    ];
    const lowerShare = { martial: 3, holding: 4, voice: 2, the: 4, oyster: 0 };
    const evidence = new PeopleEvidence();
    const articles = texts.map((t) => findCandidates([t]));
    for (const mentions of articles) evidence.add(mentions);
    // Every feature the fixtures give, weighted apart (so that a sum in another order would
    // likely read another float); then, read last, values that must match no feature: "03" is not 3.
    const weights: Record<string, number> = {};
    let seed = 7;
    for (const mentions of articles)
      for (const m of mentions)
        for (const f of personFeatures(m.words, mentions, lowerShare, evidence)) weights[f] ??= ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
    Object.assign(weights, { "lowermax=03": 100, "lowermin=-01": 100, "n=2.0": 100, "b=": 100, "own=1x": 100 });
    expect(Object.keys(weights)).toEqual(expect.arrayContaining(["lowermax=3", "lowermin=-1", "n=2", "en=0", "en=all", "sport|n=1", "b=ông", "a=end"]));
    const table = new FeatureWeights(weights);
    const map = new Map(Object.entries(weights));
    let scored = 0;
    for (const mentions of articles)
      for (const m of mentions) {
        const strings = judgeScore(map, personFeatures(m.words, mentions, lowerShare, evidence));
        expect(personScore(table, m.words, mentions, lowerShare, evidence)).toBe(strings);
        expect(personScore(table, m.words, mentions, lowerShare)).toBe(judgeScore(map, personFeatures(m.words, mentions, lowerShare)));
        scored++;
      }
    expect(scored).toBeGreaterThan(15);
    // The order is the sum's: the name's own features, each own mention's words beside it, the article's flags, the counts.
    const gibbs = findCandidates(["Ông Kieran Gibbs đến Hà Nội. Hôm qua Kieran vui, Gibbs cũng vui."]);
    expect(personFeatures(["Kieran", "Gibbs"], gibbs, { kieran: 1 })).toEqual([
      ...["bias", "n=2", "shapes=ascii+ascii", "first=kieran", "last=gibbs", "en=0", "lowermax=1", "lowermin=-1", "b=ông", "a=đến"],
      ...["titled", "person-titled", "strong", "in-title", "own=1", "short=2", "run=1"],
    ]);
  });

  it("reads a foreign full name's last word's own counts", () => {
    const mentions = findCandidates(["Hôm qua Kieran Gibbs Junior đến Hà Nội. Ông Junior vui, ông Junior nói."]);
    const evidence = new PeopleEvidence();
    evidence.add(mentions);
    expect(personFeatures(["Kieran", "Gibbs", "Junior"], mentions, {}, evidence)).toEqual(
      expect.arrayContaining(["n=3", "ev-last-surname=1", "ev-last-titled=1"]),
    );
  });

  it("scores as the shipped model's feature strings do", () => {
    const model = JSON.parse(readFileSync("data/people-judge.json", "utf8")) as JudgeModel;
    const mentions = findCandidates(["HLV Bảo Quân nói Donald Trump và Kim Jong-un gặp nhau. Ông Trump, bà Nguyễn Thị Hoa và Lacazette đều vui."]);
    const table = new FeatureWeights(model.weights);
    const map = new Map(Object.entries(model.weights));
    for (const m of mentions)
      expect(personScore(table, m.words, mentions, { trump: 0 })).toBe(judgeScore(map, personFeatures(m.words, mentions, { trump: 0 })));
  });
});
