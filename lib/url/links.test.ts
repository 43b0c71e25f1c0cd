import { describe, expect, it } from "vitest";
import { articleHref, backHref } from "@/lib/url/links";
import { EMPTY_QUERY, parseSearchParams } from "@/lib/url/search-params";

describe("articleHref / backHref", () => {
  const query = { ...EMPTY_QUERY, q: "Kellogg", sort: "relevance" as const, person: ["vladimir-putin"], page: 2 };

  it("carries the query for marking and the whole results state for going back", () => {
    const href = articleHref("002_abc", query);
    expect(href).toBe("/articles/002_abc?q=Kellogg&back=q%3DKellogg%26person%3Dvladimir-putin%26page%3D2");
    const params = new URL(href, "http://x").searchParams;
    expect(backHref(params.get("back") ?? undefined, "Kellogg")).toBe("/?q=Kellogg&person=vladimir-putin&page=2");
  });

  it("links a browse without a query plainly", () => {
    expect(articleHref("a b", EMPTY_QUERY)).toBe("/articles/a%20b");
  });

  it("never leads off the search page, whatever `back` says", () => {
    for (const evil of ["//evil.example", "https://evil.example/?q=x", "/\\evil.example", "javascript:alert(1)"]) {
      const href = backHref(evil, "");
      expect(href.startsWith("/") && !href.startsWith("//")).toBe(true);
      expect(href === "/" || href.startsWith("/?")).toBe(true);
    }
  });

  it("falls back to the query, then to a new search, when `back` is invalid", () => {
    expect(backHref("from=2025-02-30", "Alaska")).toBe("/?q=Alaska");
    expect(backHref(undefined, "")).toBe("/");
  });

  it("round-trips through the page's own parser", () => {
    const back = new URL(articleHref("x", query), "http://x").searchParams.get("back") ?? "";
    expect(parseSearchParams(new URLSearchParams(back))).toEqual({ ok: true, query: { ...query, group: true } });
  });
});
