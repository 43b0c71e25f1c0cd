import { describe, expect, it } from "vitest";
import { badArticleHintsOf, isBadSearchPage, isMissingItemPage, type FrontRequest } from "@/lib/http/page-front";
import { readyService } from "@/lib/search/service";

const request = (pathname: string): FrontRequest => ({ method: "GET", pathname, search: "", searchParams: new URLSearchParams(), has: () => false });

describe("isMissingItemPage before any index is searchable", () => {
  it("calls nothing missing (the page shows its indexing notice, 200) and starts no index", () => {
    expect(readyService()).toBeNull();
    for (const path of ["/articles/khong-co-bai-nay", "/people/khong-co-ai"]) expect(isMissingItemPage(request(path)), path).toBe(false);
    expect(readyService()).toBeNull();
  });
});

describe("isBadSearchPage", () => {
  const page = (method: string, search: string): FrontRequest => ({
    method,
    pathname: "/",
    search,
    searchParams: new URLSearchParams(search),
    has: () => false,
  });
  it("gives HEAD the 400 GET gets for parameters that do not parse", () => {
    for (const search of ["?q=%ZZ", "?from=zz", "?page=0"]) {
      expect(isBadSearchPage(page("GET", search)), search).toBe(true);
      expect(isBadSearchPage(page("HEAD", search)), search).toBe(true);
    }
    expect(isBadSearchPage(page("HEAD", "?q=putin"))).toBe(false);
    expect(isBadSearchPage({ ...page("HEAD", "?q=%ZZ"), pathname: "/feed" })).toBe(false);
  });
});

describe("badArticleHintsOf", () => {
  const at = (pathname: string, search: string): FrontRequest => ({
    method: "GET",
    pathname,
    search,
    searchParams: new URLSearchParams(search),
    has: () => false,
  });
  it("names an article page's hints that are not valid percent-encoded UTF-8, which the page drops", () => {
    expect(badArticleHintsOf(at("/articles/a1", "?q=%ZZ"))).toEqual(["q"]);
    expect(badArticleHintsOf(at("/articles/a1", "?q=Putin%C0%80&back=%3Fq%3D%25ff"))).toEqual(["q"]);
    expect(badArticleHintsOf(at("/articles/a1", "?back=%ED%A0%80&q=h%C3%B2a"))).toEqual(["back"]);
    expect(badArticleHintsOf(at("/articles/a1", "?q=%&back=%zz"))).toEqual(["q", "back"]);
    expect(badArticleHintsOf(at("/articles/a1", "?q=h%C3%B2a+b%C3%ACnh&back=%3Fq%3Dx&zzz=%ff"))).toEqual([]);
    // Not an article page: its own rules (a 400, or nothing read).
    for (const path of ["/", "/people/a1", "/articles/a1/x", "/api/articles/a1"]) expect(badArticleHintsOf(at(path, "?q=%ZZ")), path).toEqual([]);
  });
});
