import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// Importing the script runs nothing (it runs only as a script).
import { labelFiles, sampleIds } from "./people-eval";

describe("people-eval.ts", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "people-eval-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the tuning label files first, in name order, then the frozen ones", () => {
    const write = (name: string, frozen: boolean) => writeFileSync(path.join(dir, name), JSON.stringify({ frozen, articles: [] }));
    write("people-labels-b.json", false);
    write("people-labels-a.json", true);
    write("people-labels.json", false);
    write("other.json", false);
    expect(labelFiles(dir).map((f) => [path.basename(f.file), f.frozen])).toEqual([
      ["people-labels-b.json", false],
      ["people-labels.json", false],
      ["people-labels-a.json", true],
    ]);
  });

  it("samples the same distinct ids for a seed, never an excluded one", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`);
    const a = sampleIds(ids, 7, 10, new Set(["id-3"]));
    expect(a).toEqual(sampleIds([...ids].reverse(), 7, 10, new Set(["id-3"])));
    expect(new Set(a).size).toBe(10);
    expect(a).not.toContain("id-3");
    expect(sampleIds(ids, 8, 10)).not.toEqual(a);
  });
});
