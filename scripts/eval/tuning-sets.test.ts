import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVAL_DIR, frozenHeldOutSet, pickFrozenHeldOutSet, pickTuningSets, tuningHeldOutSets, tuningSets } from "./tuning-sets";

describe("pickTuningSets", () => {
  const flags: Record<string, unknown> = {
    "judged-heldout2.json": false,
    "judged-heldout10.json": false,
    "judged-heldout9.json": false,
    "judged-heldout11.json": true,
  };
  const files = ["judged-additions.json", "judged-queries.json", "people-labels-frozen3.json", "judged-heldout5-end.json", ...Object.keys(flags)];

  it("lists the frozen set first, then the unfrozen held-out sets by number, and nothing else", () => {
    expect(pickTuningSets(files, (f) => flags[f])).toEqual([
      { name: "frozen", file: "judged-queries.json" },
      { name: "heldout2", file: "judged-heldout2.json" },
      { name: "heldout9", file: "judged-heldout9.json" },
      { name: "heldout10", file: "judged-heldout10.json" },
    ]);
  });

  it("refuses a held-out file without a true/false frozen flag", () => {
    expect(() => pickTuningSets([...files, "judged-heldout12.json"], (f) => flags[f])).toThrow(/judged-heldout12\.json/);
  });
});

describe("pickFrozenHeldOutSet", () => {
  const files = [
    "judged-queries.json",
    "judged-additions.json",
    "people-labels-frozen3.json",
    "judged-heldout9.json",
    "judged-heldout10.json",
    "judged-heldout11.json",
  ];

  it("names the one held-out set still frozen, whatever the others' order", () => {
    const flags: Record<string, unknown> = { "judged-heldout9.json": false, "judged-heldout10.json": true, "judged-heldout11.json": false };
    expect(pickFrozenHeldOutSet(files, (f) => flags[f])).toEqual({ name: "heldout10", file: "judged-heldout10.json" });
  });

  it("refuses to guess when no held-out set is frozen", () => {
    expect(() => pickFrozenHeldOutSet(files, () => false)).toThrow(/found none/);
  });

  it("refuses to guess between two frozen sets (a new set written before the last one was flipped), naming both", () => {
    const flags: Record<string, unknown> = { "judged-heldout9.json": false, "judged-heldout10.json": true, "judged-heldout11.json": true };
    expect(() => pickFrozenHeldOutSet(files, (f) => flags[f])).toThrow(/judged-heldout10\.json, judged-heldout11\.json/);
  });

  it("refuses a held-out file without a true/false frozen flag", () => {
    const flags: Record<string, unknown> = { "judged-heldout9.json": false, "judged-heldout10.json": true };
    expect(() => pickFrozenHeldOutSet(files, (f) => flags[f])).toThrow(/judged-heldout11\.json/);
  });
});

describe("the tuning sets on disk", () => {
  const judged = readdirSync(EVAL_DIR).filter((f) => /^judged-(queries|heldout\d+)\.json$/.test(f));
  const frozenOf = (f: string) => (JSON.parse(readFileSync(path.join(EVAL_DIR, f), "utf8")) as { frozen?: unknown }).frozen;
  const listed = new Set(tuningSets().map((s) => s.file));
  const number = (f: string) => Number(/(\d+)\.json$/.exec(f)?.[1]);

  it("holds every judged set whose file says frozen false (and the frozen set), and no set kept for reporting", () => {
    for (const f of judged) expect(listed.has(f), f).toBe(f === "judged-queries.json" || frozenOf(f) === false);
  });

  it("keeps the newest held-out sets out: every set still frozen is newer than every tuning set", () => {
    const heldOut = judged.filter((f) => f.startsWith("judged-heldout"));
    const frozen = heldOut.filter((f) => frozenOf(f) === true).map(number);
    const tuning = heldOut.filter((f) => listed.has(f)).map(number);
    expect(frozen.length).toBeGreaterThan(0);
    expect(Math.min(...frozen)).toBeGreaterThan(Math.max(...tuning));
  });

  it("reports the newest held-out set, the only one frozen; while a new set waits for the last one's flip, it refuses to guess", () => {
    const heldOut = judged.filter((f) => f.startsWith("judged-heldout"));
    const frozen = heldOut.filter((f) => frozenOf(f) === true);
    // Between a new set's commit and the flip of the one it replaces, two are frozen (the labeller's order of work).
    if (frozen.length !== 1) expect(() => frozenHeldOutSet()).toThrow(/exactly one/);
    else expect(frozenHeldOutSet().file).toBe(heldOut.reduce((a, b) => (number(a) > number(b) ? a : b)));
    const tuningHeldOut = tuningHeldOutSets().map((s) => s.file);
    expect(tuningHeldOut).not.toContain("judged-queries.json");
    expect([...tuningHeldOut, ...frozen].sort()).toEqual([...heldOut].sort());
  });
});
