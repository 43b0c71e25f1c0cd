import { describe, expect, it } from "vitest";
import { keptHeaders, KeptPages, pageCacheBytes, type KeptPage } from "@/lib/http/kept-pages";
import { pageTemplate } from "@/lib/http/page-template";

const NONCE = "MfM3lpDvTpW+jtl9J5AzbQ==";
const ID = "fd5e2ee0-d130-4ae2-b6df-8b56aad535ee";

function kept(text: string): KeptPage {
  const template = pageTemplate(`<script nonce="${NONCE}"></script><p>${text}</p>`, { nonce: NONCE, requestId: ID })!;
  return { template, status: 200, headers: [["content-type", "text/html; charset=utf-8"]], requestIdLength: ID.length };
}

describe("KeptPages", () => {
  it("gives a page back for its generation only, and drops every page of an older one", () => {
    const pages = new KeptPages(1 << 20);
    pages.set("a", 3, kept("một"));
    pages.set("b", 3, kept("hai"));
    expect(pages.get("a", 3)?.template.parts[1].toString()).toContain("một");
    expect(pages.get("a", 4)).toBeUndefined();
    pages.set("c", 4, kept("ba"));
    expect(pages.get("b", 3)).toBeUndefined();
    expect(pages.get("c", 4)).toBeDefined();
    expect(pages.size.pages).toBe(1);
    // A page rendered in an older generation, finished after a newer one started, is not kept.
    pages.set("late", 3, kept("muộn"));
    expect(pages.get("late", 3)).toBeUndefined();
    expect(pages.get("c", 4)).toBeDefined();
    expect(pages.stats).toEqual({ hits: 3, misses: 3 });
  });

  it("holds no more bytes than its bound, the least recently used out first", () => {
    const one = kept("x".repeat(10_000));
    const pages = new KeptPages(35_000);
    for (const k of ["a", "b", "c"]) pages.set(k, 1, one);
    pages.get("a", 1);
    pages.set("d", 1, one);
    expect(pages.size.bytes).toBeLessThanOrEqual(35_000);
    expect(pages.get("a", 1)).toBeDefined();
    expect(pages.get("b", 1)).toBeUndefined();
    expect(pages.get("d", 1)).toBeDefined();
    // A page larger than the bound is not kept.
    pages.set("big", 1, kept("x".repeat(40_000)));
    expect(pages.get("big", 1)).toBeUndefined();
  });

  it("keeps nothing when off", () => {
    const pages = new KeptPages(0);
    pages.set("a", 1, kept("một"));
    expect(pages.on).toBe(false);
    expect(pages.get("a", 1)).toBeUndefined();
  });
});

describe("keptHeaders", () => {
  it("keeps what Next.js set and leaves what each response sets for itself", () => {
    const headers = keptHeaders({
      "content-type": "text/html; charset=utf-8",
      vary: "rsc, next-router-state-tree",
      "cache-control": "private, no-cache",
      "x-frame-options": "DENY",
      "Content-Security-Policy": "script-src 'nonce-x'",
      "x-request-id": ID,
      etag: 'W/"a.b"',
      "content-length": 10,
      "content-encoding": "gzip",
      date: "now",
      "set-cookie": ["a=b"],
      absent: undefined,
    });
    expect(headers.map(([n]) => n)).toEqual(["content-type", "vary", "cache-control", "x-frame-options", "set-cookie"]);
  });
});

describe("pageCacheBytes", () => {
  it("reads PAGE_CACHE_MB, and is off by default when answers are not kept", () => {
    expect(pageCacheBytes({})).toBe(32 * 1024 * 1024);
    expect(pageCacheBytes({ PAGE_CACHE_MB: "8" })).toBe(8 * 1024 * 1024);
    expect(pageCacheBytes({ PAGE_CACHE_MB: "0" })).toBe(0);
    expect(pageCacheBytes({ SEARCH_CACHE_MB: "0" })).toBe(0);
    expect(pageCacheBytes({ SEARCH_CACHE_MB: "0", PAGE_CACHE_MB: "4" })).toBe(4 * 1024 * 1024);
    expect(pageCacheBytes({ SEARCH_CACHE_MB: "64" })).toBe(32 * 1024 * 1024);
    expect(pageCacheBytes({ PAGE_CACHE_MB: "lots" })).toBe(32 * 1024 * 1024);
  });
});
