// The document store read one article at a time: the same articles as written, whatever
// the text holds (quotes, backslashes, braces, nested objects that look like articles).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { deflateRawSync } from "node:zlib";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import {
  arrayElements,
  articleBytes,
  articleFromBytes,
  BLOCK_DOCS,
  DICTIONARY_BYTES,
  encodeBlockDocStore,
  encodeDocStore,
  encodeDocStoreOffThread,
  FileDocStore,
} from "@/lib/index/docstore";

const dir = mkdtempSync(path.join(os.tmpdir(), "docstore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function storeOf(articles: Article[], encode = encodeDocStore): FileDocStore {
  const { chunks, index } = encode(articles);
  const file = path.join(dir, `${files++}.docs`);
  writeFileSync(file, Buffer.concat(chunks));
  return new FileDocStore(file, index);
}

// Lone surrogates too: UTF-16 keeps them as they are, as JSON's escapes do.
const TRICKY = ['"', "\\", '\\"', "{", "}", "[", "]", ",", '},{"id":"x"', "Hòa bình", "😀", "\ud800", "\udfff", "\n", ""];

describe("arrayElements", () => {
  it("splits a JSON array of objects into its elements' bytes", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 10 }), (objects) => {
        const raw = Buffer.from(JSON.stringify(objects));
        const bounds = arrayElements(raw)!;
        expect(bounds).not.toBeNull();
        const parts = Array.from({ length: bounds.length / 2 }, (_, i) => JSON.parse(raw.toString("utf8", bounds[2 * i], bounds[2 * i + 1])));
        // What the whole array parses to (not `objects`: JSON writes -0 as 0).
        expect(parts).toEqual(JSON.parse(raw.toString("utf8")));
        expect(parts.length).toBe(objects.length);
      }),
    );
  });

  it("refuses what is not an array of objects", () => {
    for (const text of ['{"a":1}', "[1,2]", '[{"a":1},null]', '["x"]', "[[]]", '[{"a":"unterminated]'])
      expect(arrayElements(Buffer.from(text)), text).toBeNull();
  });
});

describe("FileDocStore", () => {
  it.each([
    ["one article per block, text as UTF-16, with a dictionary", (a: readonly Article[]) => encodeDocStore(a)],
    ["one article per block as JSON (stores saved before)", (a: readonly Article[]) => encodeDocStore(a, "json")],
    ["8-article blocks (stores saved before)", encodeBlockDocStore],
  ])("gives back every article as written, in any order of reads: %s", (_, encode) => {
    const text = fc.array(fc.constantFrom(...TRICKY), { maxLength: 6 }).map((xs) => xs.join(""));
    const article = fc.record({
      title: text,
      paragraphs: fc.array(text, { maxLength: 3 }),
      captions: fc.array(text, { maxLength: 2 }),
      persons: fc.array(text, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 3 * BLOCK_DOCS + 3 }), fc.infiniteStream(fc.nat()), (fields, picks) => {
        const articles = fields.map(({ captions, ...f }, i) => ({ ...testArticle({ id: `a${i}`, ...f, persons: f.persons.filter((p) => p) }), captions }));
        const store = storeOf(articles, encode);
        const it = picks[Symbol.iterator]();
        for (let k = 0; k < 2 * articles.length; k++) {
          const d = it.next().value % articles.length;
          // Equal, keys in the same order (the article API writes them as read).
          expect(JSON.stringify(store.get(d))).toBe(JSON.stringify(articles[d]));
          expect(store.get(d)).toEqual(articles[d]);
        }
        store.close();
      }),
      { numRuns: 50 },
    );
  });
});

describe("articleBytes", () => {
  it("gives back the article, its keys in order, its text as UTF-16 after its metadata", () => {
    const article = { ...testArticle({ id: "a", title: "Hòa bình", paragraphs: ["Giá vàng", "", "tăng 😀"] }), captions: ["Ảnh: TTXVN"] };
    const raw = articleBytes(article);
    expect(JSON.stringify(articleFromBytes(raw))).toBe(JSON.stringify(article));
    const text = "Giá vàngtăng 😀Ảnh: TTXVN";
    expect(raw.subarray(raw.length - 2 * text.length).toString("utf16le")).toBe(text);
    expect(raw.toString("utf8")).not.toContain("Giá vàng");
  });

  it("refuses a block whose lengths do not cover its text", () => {
    const raw = articleBytes(testArticle({ id: "a", paragraphs: ["một", "hai"] }));
    expect(() => articleFromBytes(Buffer.concat([raw, Buffer.from("x", "utf16le")]))).toThrow(/disagree/);
  });
});

describe("encodeDocStore", () => {
  it("compresses each article on its own against a dictionary of the segment's text, at most deflate's window", () => {
    const articles = Array.from({ length: 40 }, (_, i) =>
      testArticle({ id: `a${i}`, title: `Bài ${i}`, paragraphs: [`Thủ tướng Chính phủ phát biểu tại hội nghị lần thứ ${i} về kinh tế.`.repeat(80)] }),
    );
    const { chunks, index } = encodeDocStore(articles);
    expect(chunks).toHaveLength(articles.length);
    expect(index.blockDocs).toBe(1);
    expect(index.dictionary!.length).toBe(DICTIONARY_BYTES);
    expect(index.dictionary!.constructor).toBe(Uint8Array);
    // Text the dictionary already holds costs little: smaller than the article deflated without one.
    expect(chunks[7].length).toBeLessThan(deflateRawSync(articleBytes(articles[7])).length / 2);
  });

  it("holds each compressed article in memory of about its own size, not in deflate's 16 KiB output buffer", () => {
    const articles = Array.from({ length: 60 }, (_, i) => testArticle({ id: `a${i}`, title: `Bài ${i}`, paragraphs: [`Tin ngắn số ${i}.`] }));
    const { chunks } = encodeDocStore(articles);
    // Small copies share Node's 8 KiB allocation pools (with other allocations): count each
    // backing buffer once; views into deflate's output buffers would hold 16 KiB per article.
    const held = [...new Set(chunks.map((c) => c.buffer))].reduce((sum, b) => sum + b.byteLength, 0);
    expect(held).toBeLessThan((chunks.length * 16 * 1024) / 4);
  });
});

describe("encodeDocStoreOffThread", () => {
  it("writes the same bytes and block index as encodeDocStore", async () => {
    const articles = Array.from({ length: 150 }, (_, i) =>
      testArticle({
        id: `a${i}`,
        title: `Bài ${i}`,
        paragraphs: [`Giá vàng hôm nay ${i} tăng ${i * 7} nghìn đồng.`.repeat(1 + (i % 23)), TRICKY[i % TRICKY.length]],
      }),
    );
    const sync = encodeDocStore(articles);
    const off = await encodeDocStoreOffThread(articles);
    expect(off.chunks).toHaveLength(articles.length);
    expect(Buffer.concat(off.chunks).equals(Buffer.concat(sync.chunks))).toBe(true);
    expect(off.index).toEqual(sync.index);
    expect((await encodeDocStoreOffThread([])).chunks).toEqual([]);
  });
});
