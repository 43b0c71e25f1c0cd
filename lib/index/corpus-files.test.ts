import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { completeLinesEnd } from "@/lib/index/corpus-files";

const dir = mkdtempSync(path.join(tmpdir(), "timtin-lines-end-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** completeLinesEnd of a file holding `text`. */
async function endOf(text: string | Buffer, name = "f.jsonl"): Promise<number> {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return completeLinesEnd(full, Buffer.byteLength(text));
}

describe("completeLinesEnd", () => {
  const line = JSON.stringify({ id: "a", title: "Tiêu đề", body: "Nội dung." });
  it("ends at the size when the last line is whole, with or without its newline, or blank", async () => {
    for (const text of ["", `${line}\n`, `${line}\n${line}`, `${line}\n  `, line]) expect(await endOf(text), text).toBe(Buffer.byteLength(text));
  });
  it("ends before a last line that has no newline yet and is not JSON, however long", async () => {
    expect(await endOf(`${line}\n${line.slice(0, 20)}`)).toBe(Buffer.byteLength(line) + 1);
    expect(await endOf(line.slice(0, 20))).toBe(0);
    // Past one read chunk (64 KiB), and a character cut in two.
    const long = Buffer.from(`${line}\n${JSON.stringify({ id: "b", body: "ạ".repeat(100_000) })}`);
    expect(long.length).toBeGreaterThan(2 * 64 * 1024);
    expect(await endOf(long.subarray(0, 200_001))).toBe(Buffer.byteLength(line) + 1); // "ạ" is 3 bytes: cut inside one
  });
  it("reads a link, or a last line over one article's limit, to its size (the loader reports them)", async () => {
    const text = `${line}\n${line.slice(0, 20)}`;
    writeFileSync(path.join(dir, "target.jsonl"), text);
    symlinkSync("target.jsonl", path.join(dir, "link.jsonl"));
    expect(await completeLinesEnd(path.join(dir, "link.jsonl"), Buffer.byteLength(text))).toBe(Buffer.byteLength(text));
    const huge = `${line}\n{"id": "c", "body": "${"x".repeat(3 * 2 ** 20)}`;
    expect(await endOf(huge, "huge.jsonl")).toBe(Buffer.byteLength(huge));
  });
});
