import { describe, expect, it } from "vitest";
import { findCandidates, resolvePeople } from "@/lib/corpus/people";
import { type ContextCount, compareNames, contextCounts, evalKey, judgeExamples, layerChanges } from "@/lib/corpus/people-eval";

describe("people evaluation", () => {
  it("compares a name without its final full stop, as labels copy it from the sentence", () => {
    expect(evalKey("Donald Trump Jr.")).toBe(evalKey("Donald Trump Jr"));
    expect(evalKey("Carole B.")).toBe("carole b");
    // Inside a name a stop stays ("George H.W. Bush"); marks and case are folded as nameKey does.
    expect(evalKey("George H.W. Bush")).toBe("george h.w. bush");
    expect(evalKey("Nguyễn Phú Trọng")).toBe(evalKey("nguyen phu trong"));
  });

  it("counts right, wrong and missed names once each", () => {
    expect(compareNames(["Donald Trump Jr.", "Hari Won", "Trấn Thành"], ["Donald Trump Jr", "Trấn Thành", "Trấn Thành", "Mai Linh Taxi"])).toEqual({
      right: 2,
      wrong: ["mai linh taxi"],
      missed: ["hari won"],
    });
  });

  it("says what each layer gains and loses against the one before it, right or wrong", () => {
    const labelled = ["Hari Won", "Trấn Thành", "Neymar"];
    const stacks = [
      ["Hari Won", "Sacombank"],
      ["Hari Won", "Sacombank", "Neymar", "Celtic"],
      ["Hari Won", "Neymar"],
    ];
    expect(layerChanges(labelled, stacks)).toEqual([
      { gainedRight: 1, gainedWrong: 1, lostRight: 0, lostWrong: 0 },
      { gainedRight: 1, gainedWrong: 1, lostRight: 0, lostWrong: 0 },
      { gainedRight: 0, gainedWrong: 0, lostRight: 0, lostWrong: 2 },
    ]);
    // Same names spelt differently are the same name.
    expect(layerChanges(labelled, [["Neymar."], ["neymar"]])[1]).toEqual({ gainedRight: 0, gainedWrong: 0, lostRight: 0, lostWrong: 0 });
  });

  it("counts the candidates of each context that are labelled people and those that are not", () => {
    const out = new Map<string, ContextCount>();
    const c = (words: string[], before: string, after: string) => ({ words, before, after });
    contextCounts(
      ["Hà Thành", "Lê Văn Tám"],
      [c(["Hà", "Thành"], "định cư ở", "nhưng"), c(["Hà", "Thành"], "ông", "nói"), c(["Lê", "Văn", "Tám"], "", "nói")],
      out,
    );
    // "Hà Thành" is labelled in this article: both its mentions count as a person's.
    expect(out.get("b1=ở")).toEqual({ person: 1, other: 0, examples: [] });
    expect(out.get("b2=cư ở")).toEqual({ person: 1, other: 0, examples: [] });
    expect(out.get("a=nói")).toEqual({ person: 2, other: 0, examples: [] });
    expect(out.get("b1=")).toEqual({ person: 1, other: 0, examples: [] });
    contextCounts([], [c(["Hà", "Thành"], "định cư ở", "nhưng"), c(["La", "Mã"], "ở", "")], out);
    expect(out.get("b1=ở")).toEqual({ person: 1, other: 2, examples: ["Hà Thành", "La Mã"] });
    expect(out.get("last=thành")).toEqual({ person: 2, other: 1, examples: ["Hà Thành"] });
  });

  it("labels the judge's examples by the name as written: a glued initial's name is a person (issue #16, people34)", () => {
    const mentions = findCandidates(["HLV J.Mourinho khen Marcus Rashford và Rashford vui."]);
    const labelled = ["J.Mourinho", "Marcus Rashford"];
    const found = resolvePeople(mentions);
    expect(found.map((p) => p.name)).toEqual(["Marcus Rashford", "J.Mourinho"]);
    const { drop, add } = judgeExamples(labelled, found, mentions);
    expect(drop).toEqual([
      { words: ["Marcus", "Rashford"], name: "Marcus Rashford", y: 1 },
      { words: ["J.", "Mourinho"], name: "J.Mourinho", y: 1 },
    ]);
    expect(add).toEqual([]);
    // Nothing found: every name is open, the glued one written as the pipeline would add it.
    expect(judgeExamples(labelled, [], mentions).add).toEqual([
      { words: ["J.", "Mourinho"], name: "J.Mourinho", y: 1 },
      { words: ["Marcus", "Rashford"], name: "Marcus Rashford", y: 1 },
      { words: ["Rashford"], name: "Rashford", y: 0 },
    ]);
  });
});
