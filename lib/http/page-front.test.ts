import { describe, expect, it } from "vitest";
import { isMissingItemPage, type FrontRequest } from "@/lib/http/page-front";
import { readyService } from "@/lib/search/service";

const request = (pathname: string): FrontRequest => ({ method: "GET", pathname, search: "", searchParams: new URLSearchParams(), has: () => false });

describe("isMissingItemPage before any index is searchable", () => {
  it("calls nothing missing (the page shows its indexing notice, 200) and starts no index", () => {
    expect(readyService()).toBeNull();
    for (const path of ["/articles/khong-co-bai-nay", "/people/khong-co-ai"]) expect(isMissingItemPage(request(path)), path).toBe(false);
    expect(readyService()).toBeNull();
  });
});
