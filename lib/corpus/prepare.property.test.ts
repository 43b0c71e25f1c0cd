import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareArticle } from "@/lib/corpus/prepare";
import type { RawArticle } from "@/lib/corpus/types";

const raw = (body: string, title: string | null = null): RawArticle => ({
  id: "x",
  file: "x.txt",
  format: "txt",
  title,
  body,
  date: null,
  outlet: null,
  url: null,
});

// Lines built from pieces that trigger the rules, so the generator reaches them.
const piece = fc.constantFrom(
  "Tin liên quan",
  "Xem thêm",
  "Nhỏ Bình thường Lớn",
  "Ông Trump",
  "Tổng thống Nga Vladimir Putin",
  "ngày 25/4",
  "(Ảnh: Reuters).",
  "Ảnh: TASS",
  "Theo RIA,",
  "Nguyễn Văn A",
  "...",
  "…",
  ".",
  " ",
  "X X",
  "năm 2025",
  "31/2/2025",
);
const line = fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 8 }).map((parts) => parts.join(" "));

describe("prepareArticle on arbitrary pages", () => {
  it("never throws, returns valid fields, and every paragraph comes from the page", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.option(fc.string({ maxLength: 30 })), (lines, title) => {
        const body = lines.join("\n");
        const a = prepareArticle(raw(body, title));
        expect(typeof a.title).toBe("string");
        if (a.date) expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const flat = body.normalize("NFC").replace(/\s+/g, " ");
        for (const p of a.paragraphs) expect(flat).toContain(p);
        for (const e of [...a.persons, ...a.sources]) expect(e.id).toMatch(/^[a-z0-9-]+$/);
      }),
      { numRuns: 300 },
    );
  });

  it("handles a very long single line (no catastrophic backtracking)", () => {
    const long = `${"Ông Nguyễn Văn A nói rằng Tổng thống Trump. ".repeat(4000)}Xem thêm`;
    const a = prepareArticle(raw(long));
    expect(a.paragraphs.length).toBe(1);
  });
});
