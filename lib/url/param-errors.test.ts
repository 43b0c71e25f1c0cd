import { describe, expect, it } from "vitest";
import { describeParamError, fixFor, withoutParam } from "@/lib/url/param-errors";
import { encodingError, parseSearchQuery } from "@/lib/url/query-encoding";
import { parseSearchParams } from "@/lib/url/search-params";

const errorOf = (raw: URLSearchParams | Record<string, string | string[]>) => {
  const r = parseSearchParams(raw);
  if (r.ok) throw new Error("expected a bad parameter");
  return r.error;
};

describe("describeParamError", () => {
  it("explains an impossible date in Vietnamese, with the value", () => {
    const raw = { q: "Alaska", from: "2025-02-30" };
    expect(describeParamError(errorOf(raw), raw)).toBe("Ngày bắt đầu (from) “2025-02-30” không có trên lịch");
  });
  it.each([
    ["page=abc", "Số trang (page) “abc” phải là số nguyên từ 1 đến 1000"],
    ["size=51", "Số kết quả mỗi trang (size) “51” không được quá 50"],
    ["sort=best", "Cách sắp xếp (sort) “best” phải là một trong các giá trị: relevance, newest, oldest"],
    ["from=7-8-2025", "Ngày bắt đầu (from) “7-8-2025” phải là một ngày viết dạng năm-tháng-ngày, ví dụ 2025-08-01"],
    ["from=2025-09-01&to=2025-08-01", "Ngày kết thúc (to) “2025-08-01” ở trước ngày bắt đầu"],
    ["person=Vladimir%20Putin", "Mã người (person) “Vladimir Putin” phải là một mã như vladimir-putin (chữ thường không dấu, nối bằng gạch ngang)"],
    [`q=${"a".repeat(201)}`, "Từ khóa tìm kiếm dài quá 200 ký tự"],
  ])("explains %s without English", (qs, text) => {
    const raw = new URLSearchParams(qs);
    expect(describeParamError(errorOf(raw), raw)).toBe(text);
  });
  it("shows a value's invisible characters, so none can hide in it or turn the sentence around", () => {
    for (const [value, shown] of [
      ["%E2%80%AEvladimir-putin", "[U+202E]vladimir-putin"],
      ["vladimir-putin%E2%80%8D", "vladimir-putin[U+200D]"],
      ["vladimir-putin%00", "vladimir-putin[U+0000]"],
    ]) {
      const raw = new URLSearchParams(`person=${value}`);
      expect(describeParamError(errorOf(raw), raw)).toBe(
        `Mã người (person) “${shown}” phải là một mã như vladimir-putin (chữ thường không dấu, nối bằng gạch ngang)`,
      );
    }
  });

  it("falls back to a plain sentence for an unknown reason", () => {
    expect(describeParamError({ param: "mystery", message: "" })).toBe("Tham số mystery không hợp lệ");
  });
});

describe("fixFor / withoutParam", () => {
  it("drops just the bad parameter and keeps everything else", () => {
    const raw = { q: "Alaska", from: "2025-02-30", person: ["vladimir-putin", "donald-trump"] };
    const fix = fixFor(raw, errorOf(raw));
    expect(fix).toEqual({ href: "/?q=Alaska&person=vladimir-putin&person=donald-trump", label: "Bỏ tham số from và tìm lại" });
    expect(parseSearchParams(new URL(fix.href, "http://x").searchParams).ok).toBe(true);
  });
  it("swaps a reversed range rather than dropping it", () => {
    const raw = new URLSearchParams("q=Putin&from=2025-09-01&to=2025-08-01&page=2");
    expect(fixFor(raw, errorOf(raw))).toEqual({ href: "/?q=Putin&from=2025-08-01&to=2025-09-01&page=2", label: "Đổi chỗ hai ngày và tìm lại" });
  });
  it("falls back to a clean search when nothing else is left", () => {
    expect(withoutParam(new URLSearchParams("page=abc"), "page")).toBe("/");
  });
});

describe("too many facet values", () => {
  it("says so in Vietnamese, naming the parameter", () => {
    expect(describeParamError({ param: "person", message: "person must have at most 50 different values" })).toBe(
      "Mã người (person) có quá nhiều giá trị khác nhau (tối đa 50)",
    );
  });
});

describe("a badly encoded parameter (lib/url/query-encoding.ts)", () => {
  it("is explained in Vietnamese, naming the parameter, with the link without it", () => {
    const bad = parseSearchQuery("?q=Putin&from=%ff");
    if (bad.ok) throw new Error("expected a bad parameter");
    // Next's searchParams as the page gets them: `%ff` already U+FFFD.
    const raw = { q: "Putin", from: "\ufffd" };
    expect(describeParamError(bad.error, raw)).toBe("Ngày bắt đầu (from) “\ufffd” có ký tự mã hóa sai (không phải UTF-8 hợp lệ)");
    expect(fixFor(raw, bad.error)).toEqual({ href: "/?q=Putin", label: "Bỏ tham số from và tìm lại" });
    const q = encodingError("q")!;
    expect(describeParamError(q, { q: "\ufffd" })).toBe("Từ khóa tìm kiếm có ký tự mã hóa sai (không phải UTF-8 hợp lệ)");
    expect(describeParamError(encodingError("group")!)).toBe("Cách gộp bài cùng sự kiện (group) có ký tự mã hóa sai (không phải UTF-8 hợp lệ)");
  });
});
