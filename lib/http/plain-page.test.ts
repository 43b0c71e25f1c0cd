import { describe, expect, it } from "vitest";
import { plainPage, plainPageHtml } from "@/lib/http/plain-page";

describe("plainPage", () => {
  it("is a Vietnamese document with the title as its heading and a way back", () => {
    const html = plainPageHtml("Địa chỉ không hợp lệ", "Một câu.");
    expect(html).toMatch(/^<!doctype html><html lang="vi"><meta charset="utf-8"><title>Địa chỉ không hợp lệ – Tìm tin<\/title>/);
    expect(html).toContain("<h1>Địa chỉ không hợp lệ</h1><p>Một câu.</p>");
    expect(html).toContain('<a href="/">');
  });

  it("escapes what it is given", () => {
    expect(plainPageHtml('<b>"x"</b> & y', "<script>")).toContain("<h1>&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y</h1><p>&lt;script&gt;</p>");
  });

  it("answers with the status, the headers given and an HTML type", async () => {
    const res = plainPage(405, "T", "S", { Allow: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain("<h1>T</h1>");
  });
});
