import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { recordSearches, seedServiceEnv } from "@/lib/http/test-seeds";

describe("GET /api/search and clients that leave", () => {
  const corpus = seedServiceEnv("timtin-route-", { SEARCH_QUEUE: "2" });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it("answers a repeated search at once, ahead of searches waiting to be computed and past a full queue", async () => {
    const { GET } = await import("@/app/api/search/route");
    const { getSearchService } = await import("@/lib/search/service");
    await getSearchService();
    const url = (q: string) => `http://localhost/api/search?q=${encodeURIComponent(q)}`;
    const body = async (r: Response) => ({ ...((await r.json()) as Record<string, unknown>), tookMs: 0 });
    const computed = await body(await GET(new Request(url("việt nam"))));

    // Two new searches fill the queue (SEARCH_QUEUE=2); the repeated one arrives after them.
    const order: string[] = [];
    const track = (name: string, r: Promise<Response>) => r.then((res) => (order.push(name), res));
    const waiting = [track("tin tức", GET(new Request(url("tin tức")))), track("thể thao", GET(new Request(url("thể thao"))))];
    const repeated = await track("việt nam", GET(new Request(url("việt nam"))));
    expect(repeated.status).toBe(200);
    expect(await body(repeated)).toEqual(computed);
    expect(order).toEqual(["việt nam"]);
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([200, 200]);
    expect(order).toEqual(["việt nam", "tin tức", "thể thao"]);
  });

  it("adds the headers proxy.ts gives other responses (it does not run for this route): a CSP with a fresh nonce, the request id", async () => {
    const { GET } = await import("@/app/api/search/route");
    const url = "http://localhost/api/search?q=vi%E1%BB%87t%20nam";
    const a = await GET(new Request(url, { headers: { "x-request-id": "upstream-id-123" } }));
    const b = await GET(new Request(url));
    const bad = await GET(new Request("http://localhost/api/search?page=0"));
    expect(bad.status).toBe(400);
    for (const res of [a, b, bad])
      expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'.*frame-ancestors 'none'/);
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1];
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get("x-request-id")).toBe("upstream-id-123");
    expect(b.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a parameter that is not valid percent-encoded UTF-8 with the contract's 400, not a search for U+FFFD", async () => {
    const { GET } = await import("@/app/api/search/route");
    for (const [qs, param] of [
      ["q=%E0%A4", "q"],
      ["q=%ff", "q"],
      ["q=%", "q"],
      ["q=%zz", "q"],
      ["q=Putin&from=%ff", "from"],
      ["person=%C3%28", "person"],
    ]) {
      const res = await GET(new Request(`http://localhost/api/search?${qs}`));
      expect(res.status, qs).toBe(400);
      expect(await res.json(), qs).toEqual({ error: { code: "invalid_parameter", param, message: `${param} is not valid percent-encoded UTF-8` } });
    }
    expect((await GET(new Request("http://localhost/api/search?q=100%25&utm=%ff"))).status).toBe(200);
  });

  it("does not search for a request whose client left before its turn, and refuses past the queue's bound", async () => {
    const { GET } = await import("@/app/api/search/route");
    const { getSearchService } = await import("@/lib/search/service");
    const service = await getSearchService();
    const { searched, restore } = recordSearches(service);
    const url = (q: string) => `http://localhost/api/search?q=${encodeURIComponent(q)}`;

    // Three requests arrive together; the second's client leaves before its turn.
    const gone = new AbortController();
    const first = GET(new Request(url("hòa bình")));
    const second = GET(new Request(url("kinh tế"), { signal: gone.signal }));
    gone.abort();
    const third = GET(new Request(url("bóng đá")));
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(499);
    expect((await third).status).toBe(200);
    expect(searched).toEqual(["hòa bình", "bóng đá"]);

    // Already gone when it arrives.
    const left = new AbortController();
    left.abort();
    expect((await GET(new Request(url("thời tiết"), { signal: left.signal }))).status).toBe(499);
    expect(searched).toEqual(["hòa bình", "bóng đá"]);

    // SEARCH_QUEUE=2: a third waiting search is refused with the contract's 503.
    const burst = ["một", "hai", "ba"].map((q) => GET(new Request(url(q))));
    const statuses = await Promise.all(burst.map(async (r) => (await r).status));
    expect(statuses).toEqual([200, 200, 503]);
    const refused = await burst[2];
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("busy");
    expect(searched).toEqual(["hòa bình", "bóng đá", "một", "hai"]);
    restore();
    await service.index.close();
  });
});
