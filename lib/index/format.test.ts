import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EncodedJson, readIndexFile, writeIndexFile, writeIndexFileAsync } from "@/lib/index/format";

const dir = mkdtempSync(path.join(tmpdir(), "timtin-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeIndexFileAsync", () => {
  it("writes the bytes writeIndexFile writes (arrays over a MiB summed in slices, an empty one left out), and nothing else", async () => {
    const big = new Uint32Array(700_000).map((_, i) => Math.imul(i, 2654435761) >>> 0);
    const arrays = { big, empty: new Int32Array(0), odd: Uint16Array.of(1, 2, 3), tail: Float64Array.of(0.5, -2) };
    const json = { generation: 7, note: "chữ" };
    writeIndexFile(path.join(dir, "sync.bin"), "test", json, arrays);
    await writeIndexFileAsync(path.join(dir, "async.bin"), "test", json, arrays);
    expect(readFileSync(path.join(dir, "async.bin")).equals(readFileSync(path.join(dir, "sync.bin")))).toBe(true);
    const read = readIndexFile(path.join(dir, "async.bin"), "test");
    expect(read.json).toEqual(json);
    expect(Array.from(read.arrays.odd)).toEqual([1, 2, 3]);
    expect(read.arrays.big.length).toBe(big.length);
    expect(readdirSync(dir).sort()).toEqual(["async.bin", "sync.bin"]);
  });

  it("writes the bytes of the same header given as pieces of encoded JSON", async () => {
    const arrays = { odd: Uint16Array.of(1, 2, 3), counts: Int32Array.of(4, 5) };
    const files = [
      { file: "a.jsonl", names: ["Hòa", "Bình"] },
      { file: "b.jsonl", names: [] },
    ];
    const json = { generation: 3, files };
    const piece = (s: string) => Buffer.from(s);
    const pieces = [piece(`{"generation":3,"files":[`), piece(JSON.stringify(files[0])), piece(","), piece(JSON.stringify(files[1])), piece("]}")];
    writeIndexFile(path.join(dir, "whole.bin"), "test", json, arrays);
    await writeIndexFileAsync(path.join(dir, "pieces.bin"), "test", new EncodedJson(pieces), arrays);
    const read = readIndexFile(path.join(dir, "pieces.bin"), "test");
    expect(read.json).toEqual(json);
    expect(readFileSync(path.join(dir, "pieces.bin")).equals(readFileSync(path.join(dir, "whole.bin")))).toBe(true);
    rmSync(path.join(dir, "whole.bin"));
    rmSync(path.join(dir, "pieces.bin"));
  });
});
