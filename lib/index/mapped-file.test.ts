import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeEach, expect, test } from "vitest";
import { IndexFileError, readIndexFile, writeIndexFile } from "@/lib/index/format";
import { fileCrc32, filesAreMapped, mapFile } from "@/lib/index/mapped-file";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mapped-file-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Large enough to be mapped (small files are read whole). */
function bigArrays() {
  const ints = new Int32Array(100_000);
  for (let i = 0; i < ints.length; i++) ints[i] = (i * 2654435761) | 0;
  const floats = Float64Array.from({ length: 3_000 }, (_, i) => i / 7);
  return { ints, floats, empty: new Uint8Array(0) };
}

test("on Linux the addon is built and index files are mapped, not read whole", () => {
  if (process.platform !== "linux" || process.env.TIMTIN_MMAP === "0") return;
  expect(filesAreMapped()).toBe(true);
  const file = path.join(dir, "big.bin");
  writeIndexFile(file, "test", { a: 1 }, bigArrays());
  expect(mapFile(file).mapped).toBe(true);
});

test("a mapped file has the same bytes as the file read whole; small files are read", () => {
  const file = path.join(dir, "big.bin");
  writeIndexFile(file, "test", { a: 1 }, bigArrays());
  expect(Buffer.from(mapFile(file).bytes).equals(readFileSync(file))).toBe(true);
  const small = path.join(dir, "small.bin");
  writeFileSync(small, "abc");
  expect(mapFile(small)).toEqual({ bytes: Buffer.from("abc"), mapped: false });
});

test("the CRC read in chunks equals the CRC of the bytes, from any offset", () => {
  const file = path.join(dir, "data.bin");
  const bytes = Buffer.alloc(3 * (1 << 20) + 123);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 255;
  writeFileSync(file, bytes);
  expect(fileCrc32(file, 0)).toBe(crc32(bytes));
  expect(fileCrc32(file, 12)).toBe(crc32(bytes.subarray(12)));
});

test("a large index file round-trips, and its arrays are views the process may write to", () => {
  const file = path.join(dir, "big.bin");
  const arrays = bigArrays();
  writeIndexFile(file, "test", { names: ["x", "y"] }, arrays);
  const read = readIndexFile(file, "test");
  expect(read.json).toEqual({ names: ["x", "y"] });
  expect(Array.from(read.arrays.ints as Int32Array)).toEqual(Array.from(arrays.ints));
  expect(Array.from(read.arrays.floats as Float64Array)).toEqual(Array.from(arrays.floats));
  expect(read.arrays.empty.length).toBe(0);
  // A private mapping: a write changes this copy only, never the file.
  (read.arrays.ints as Int32Array)[0] = 42;
  expect(readIndexFile(file, "test").arrays.ints[0]).toBe(arrays.ints[0]);
});

test("a large index file that is damaged or cut short is refused", () => {
  const file = path.join(dir, "big.bin");
  writeIndexFile(file, "test", {}, bigArrays());
  const whole = readFileSync(file);
  const flipped = Buffer.from(whole);
  flipped[200_000] ^= 1;
  writeFileSync(file, flipped);
  expect(() => readIndexFile(file, "test")).toThrow(IndexFileError);
  expect(() => readIndexFile(file, "test")).toThrow(/checksum/);
  writeFileSync(file, whole);
  truncateSync(file, whole.length - 5000);
  expect(() => readIndexFile(file, "test")).toThrow(/checksum|truncated/);
});
