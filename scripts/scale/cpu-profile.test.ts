import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SourceMapGenerator } from "source-map-js";
import { afterAll, describe, expect, it } from "vitest";
import { type CpuProfile, samplesOf, SourceMaps, stageOf } from "./cpu-profile";

const dir = mkdtempSync(path.join(os.tmpdir(), "cpu-profile-test-"));
afterAll(() => rmSync(dir, { recursive: true }));

/** A map of one generated line: `column` of line 1 comes from `source`:`line`. */
function map(mappings: { column: number; source: string; line: number }[]) {
  const g = new SourceMapGenerator({ file: "chunk.js" });
  for (const m of mappings) g.addMapping({ generated: { line: 1, column: m.column }, original: { line: m.line, column: 0 }, source: m.source });
  return g.toJSON();
}

describe("SourceMaps", () => {
  it("maps a bundle's 0-based position to its source through the map beside it", () => {
    const file = path.join(dir, "plain.js");
    writeFileSync(
      `${file}.map`,
      JSON.stringify(
        map([
          { column: 0, source: "lib/a.ts", line: 3 },
          { column: 40, source: "lib/b.ts", line: 9 },
        ]),
      ),
    );
    const maps = new SourceMaps();
    expect(maps.original(`file://${file}`, 0, 10)).toEqual({ source: "lib/a.ts", line: 3 });
    expect(maps.original(file, 0, 45)).toEqual({ source: "lib/b.ts", line: 9 });
  });

  it("reads an index map's sections from their offsets", () => {
    const file = path.join(dir, "index.js");
    const sections = [
      { offset: { line: 0, column: 0 }, map: map([{ column: 0, source: "first.ts", line: 1 }]) },
      { offset: { line: 0, column: 100 }, map: map([{ column: 0, source: "second.ts", line: 7 }]) },
      { offset: { line: 2, column: 0 }, map: map([{ column: 0, source: "third.ts", line: 2 }]) },
    ];
    writeFileSync(`${file}.map`, JSON.stringify({ version: 3, sections }));
    const maps = new SourceMaps();
    expect(maps.original(file, 0, 50)?.source).toBe("first.ts");
    expect(maps.original(file, 0, 120)).toEqual({ source: "second.ts", line: 7 });
    expect(maps.original(file, 2, 5)).toEqual({ source: "third.ts", line: 2 });
  });

  it("gives null for a file without a map", () => {
    expect(new SourceMaps().original(path.join(dir, "none.js"), 0, 0)).toBeNull();
    expect(new SourceMaps().original("node:internal/streams/readable", 10, 0)).toBeNull();
  });
});

describe("stageOf", () => {
  const rules = [
    { stage: "judge", match: /people-judge\.ts/ },
    { stage: "resolve", match: /^resolvePeople / },
    { stage: "candidates", match: /^findCandidates / },
  ];
  it("gives the innermost matching frame's stage", () => {
    const stack = ["personFeatures /x/lib/corpus/people-judge.ts", "resolvePeople /x/lib/corpus/people.ts", "main /x/index.ts"];
    expect(stageOf(stack, rules)).toBe("judge");
    expect(stageOf(stack.slice(1), rules)).toBe("resolve");
    // The innermost frame decides, not the first rule: resolving called from the judge is resolving.
    expect(stageOf(["resolvePeople /x/lib/corpus/people.ts", "personFeatures /x/lib/corpus/people-judge.ts"], rules)).toBe("resolve");
  });
  it("skips frames no rule matches and falls back to other", () => {
    expect(stageOf(["nameKey /x/lib/corpus/people.ts", "findCandidates /x/lib/corpus/people.ts"], rules)).toBe("candidates");
    expect(stageOf(["(garbage collector) "], rules)).toBe("other");
  });
});

describe("samplesOf", () => {
  // root 1 → a 2 → b 3; samples at 0, 1, 3, 6 ms (µs clock): each weighs the gap to the next.
  const profile: CpuProfile = { nodes: [], samples: [3, 2, 3, 1], timeDeltas: [0, 1000, 2000, 3000], startTime: 0, endTime: 6000 };
  const parent = new Map([
    [2, 1],
    [3, 2],
  ]);

  it("gives each sample its gap to the next and its stack innermost first (the last sample weighs nothing)", () => {
    expect([...samplesOf(profile, parent)]).toEqual([
      { ms: 1, ids: [3, 2, 1] },
      { ms: 2, ids: [2, 1] },
      { ms: 3, ids: [3, 2, 1] },
      { ms: 0, ids: [1] },
    ]);
  });

  it("keeps only the samples of the last seconds asked for", () => {
    expect([...samplesOf(profile, parent, 0.004)].map((s) => s.ids[0])).toEqual([3, 1]);
  });
});
