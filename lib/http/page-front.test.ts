import { describe, expect, it } from "vitest";
import { isBadSearchPage, isMissingItemPage, type FrontRequest } from "@/lib/http/page-front";
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
