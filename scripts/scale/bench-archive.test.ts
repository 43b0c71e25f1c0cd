import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchArchive, DEFAULT_ARCHIVE } from "./bench-archive";

function savedIndex(corpusDir: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-archive-"));
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ format: 4, corpusDir, segments: [] }));
  return dir;
}

describe("benchArchive", () => {
  it("serves a saved index's own archive when --archive is not given", () => {
    expect(benchArchive(undefined, savedIndex("/tmp/archive-1m"))).toBe("/tmp/archive-1m");
  });

  it("refuses an --archive other than the one the saved index was built from", () => {
    expect(() => benchArchive("/work/shared/corpus", savedIndex("/tmp/archive-1m"))).toThrow(/would replace it/);
  });

  it("accepts the index's own archive, and falls back to the 35k corpus without an index", () => {
    expect(benchArchive("/tmp/archive-1m/", savedIndex("/tmp/archive-1m"))).toBe("/tmp/archive-1m");
    expect(benchArchive(undefined, undefined)).toBe(path.resolve(DEFAULT_ARCHIVE));
    expect(benchArchive("/tmp/a", path.join(os.tmpdir(), "no-such-index-dir"))).toBe("/tmp/a");
  });
});
