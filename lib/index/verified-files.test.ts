import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { IndexFileError, readIndexFile, writeIndexFile } from "@/lib/index/format";
import { RACY_MS, setVerifiedFiles, VerifiedFiles } from "@/lib/index/verified-files";

let dir: string;
let records: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "verified-files-"));
  records = path.join(dir, "records");
});
afterEach(() => {
  setVerifiedFiles(new VerifiedFiles());
  delete process.env.TIMTIN_CRC;
  rmSync(dir, { recursive: true, force: true });
});

/** Mapped (over 64 KiB) and read-whole (small) files both go through the record. */
const sizes = { mapped: 100_000, small: 1_000 };

function write(name: string, n: number): string {
  const file = path.join(dir, name);
  writeIndexFile(file, "test", { n }, { ints: Int32Array.from({ length: n }, (_, i) => i * 7) });
  return file;
}

/** A record whose clock runs `aheadMs` ahead: files written now look that much older. */
function useRecord(aheadMs: number): VerifiedFiles {
  const v = new VerifiedFiles({ dir: records, now: () => Date.now() + aheadMs });
  setVerifiedFiles(v);
  return v;
}

/** Flip one byte in place and move the modification time, as any later write does. */
function flipInPlace(file: string, at: number) {
  const buf = readFileSync(file);
  buf[at] ^= 0xff;
  writeFileSync(file, buf);
  const { mtime } = statSync(file);
  utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
}

for (const [kind, n] of Object.entries(sizes)) {
  test(`a ${kind} file found whole is checked once, then opened without reading it again`, () => {
    const v = useRecord(10 * RACY_MS);
    const file = write("a.bin", n);
    const first = readIndexFile(file, "test");
    expect(v.stats).toEqual({ checked: 1, skipped: 0 });
    const again = readIndexFile(file, "test");
    expect(v.stats).toEqual({ checked: 1, skipped: 1 });
    expect(Array.from(again.arrays.ints)).toEqual(Array.from(first.arrays.ints));
    expect(again.json).toEqual({ n });
    // Another process (a fresh record over the same directory) trusts the same check.
    const other = useRecord(10 * RACY_MS);
    readIndexFile(file, "test");
    expect(other.stats).toEqual({ checked: 0, skipped: 1 });
  });

  test(`a ${kind} file damaged after its check is refused, whatever the damage`, () => {
    useRecord(10 * RACY_MS);
    const file = write("a.bin", n);
    readIndexFile(file, "test");
    readIndexFile(file, "test");
    flipInPlace(file, Math.floor(statSync(file).size / 2));
    expect(() => readIndexFile(file, "test")).toThrow(/checksum/);

    const cut = write("b.bin", n);
    readIndexFile(cut, "test");
    truncateSync(cut, statSync(cut).size - 8);
    expect(() => readIndexFile(cut, "test")).toThrow(IndexFileError);

    // Replaced by another file of the same size under the same name (a new inode).
    const replaced = write("c.bin", n);
    readIndexFile(replaced, "test");
    const bytes = readFileSync(replaced);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(path.join(dir, "tmp"), bytes);
    renameSync(path.join(dir, "tmp"), replaced);
    expect(() => readIndexFile(replaced, "test")).toThrow(/checksum/);
  });
}

test("a file changed moments ago is checked at every open (its change time may not move again)", () => {
  const v = useRecord(0);
  const file = write("a.bin", sizes.mapped);
  readIndexFile(file, "test");
  readIndexFile(file, "test");
  expect(v.stats).toEqual({ checked: 2, skipped: 0 });
  // Damaged within the same clock tick, with no other trace: still found.
  const buf = readFileSync(file);
  buf[buf.length - 3] ^= 0xff;
  writeFileSync(file, buf);
  expect(() => readIndexFile(file, "test")).toThrow(/checksum/);
});

test("TIMTIN_CRC=always checks every open", () => {
  const v = useRecord(10 * RACY_MS);
  const file = write("a.bin", sizes.mapped);
  readIndexFile(file, "test");
  process.env.TIMTIN_CRC = "always";
  readIndexFile(file, "test");
  expect(v.stats).toEqual({ checked: 2, skipped: 0 });
});

test("records in a directory others can write are neither trusted nor written", () => {
  mkdirSync(records, { mode: 0o700 });
  chmodSync(records, 0o777);
  const v = useRecord(10 * RACY_MS);
  const file = write("a.bin", sizes.mapped);
  readIndexFile(file, "test");
  readIndexFile(file, "test");
  expect(v.stats).toEqual({ checked: 2, skipped: 0 });
});
