import { rmSync } from "node:fs";
import { EventEmitter } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, isSearchApi, NODE_ROUTES, serveSearchApi } from "@/lib/http/node-search-api";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { recordSearches, seedServiceEnv } from "@/lib/http/test-seeds";

describe("isSearchApi and acceptsGzip", () => {
  it("takes GET and HEAD /api/search with or without a query string, nothing else", () => {
    expect(isSearchApi("GET", "/api/search")).toBe(true);
    expect(isSearchApi("GET", "/api/search?q=h%C3%B2a")).toBe(true);
    expect(isSearchApi("HEAD", "/api/search?q=%ZZ")).toBe(true);
    for (const [method, url] of [
      ["POST", "/api/search?q=x"],
      ["OPTIONS", "/api/search?q=x"],
      ["GET", "/api/search/"],
      ["GET", "/api/searchx?q=x"],
      ["GET", "/api/suggest?q=x"],
      ["GET", "/?q=x"],
    ])
      expect(isSearchApi(method, url)).toBe(false);
  });

  it("reads Accept-Encoding: gzip or *, unless q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip(["deflate", "gzip"])).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("GET /api/search answered on Node's response (npm start) as the route answers it", () => {
  const corpus = seedServiceEnv("timtin-node-api-");
  // As scripts/start.mjs dispatches: ours first, else (here) a 404 standing for Next.
  const server = http.createServer((req, res) => (NODE_ROUTES.handles(req) ? NODE_ROUTES.serve(req, res) : res.writeHead(404).end()));
  let base = "";
  beforeAll(async () => {
    const { getSearchService } = await import("@/lib/search/service");
    await getSearchService();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    const { getSearchService } = await import("@/lib/search/service");
    await (await getSearchService()).index.close();
    rmSync(corpus, { recursive: true, force: true });
  });

  /** One request on its own connection: status, headers and the body as sent (not decoded). */
  const get = (url: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + url, { headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  const withoutTime = (json: string) => ({ ...(JSON.parse(json) as Record<string, unknown>), tookMs: 0 });

  it("sends the route's answer, tag and headers, plus the static security headers Next.js adds", async () => {
    const { GET } = await import("@/app/api/search/route");
    const url = "/api/search?q=vi%E1%BB%87t%20nam";
    const routed = await GET(new Request("http://localhost" + url));
    const ours = await get(url, { "x-request-id": "upstream-id-123" });
    expect(ours.status).toBe(200);
    expect(withoutTime(ours.body.toString("utf8"))).toEqual(withoutTime(await routed.text()));
    expect(ours.headers.etag).toBe(routed.headers.get("etag"));
    expect(ours.headers["cache-control"]).toBe("no-cache");
    expect(ours.headers["content-type"]).toBe("application/json");
    expect(ours.headers["content-length"]).toBe(String(ours.body.length));
    expect(ours.headers["x-request-id"]).toBe("upstream-id-123");
    expect(ours.headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'.*frame-ancestors 'none'/);
    for (const { key, value } of STATIC_SECURITY_HEADERS) expect(ours.headers[key.toLowerCase()]).toBe(value);
    expect(ours.headers["content-encoding"]).toBeUndefined();

    // The tag it sent: 304, no body.
    const again = await get(url, { "if-none-match": ours.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(ours.headers.etag);
  });

  it("answers HEAD with GET's status and headers and no body, a badly encoded q included (400, not 200)", async () => {
    const head = (url: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .request(base + url, { method: "HEAD", agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject)
          .end();
      });
    for (const url of ["/api/search?q=%ZZ", "/api/search?q=%C0%80", "/api/search?q=h%C3%B2a"]) {
      const [got, headed] = [await get(url), await head(url)];
      expect(headed.status, url).toBe(got.status);
      expect(headed.headers["content-type"], url).toBe(got.headers["content-type"]);
      expect(headed.body.length, url).toBe(0);
    }
    expect((await head("/api/search?q=%ZZ")).status).toBe(400);
  });

  it("gzips an answer for a client that takes gzip, the same JSON", async () => {
    const url = "/api/search?q=h%C3%B2a%20b%C3%ACnh";
    const plain = await get(url);
    const zipped = await get(url, { "accept-encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(withoutTime(gunzipSync(zipped.body).toString("utf8"))).toEqual(withoutTime(plain.body.toString("utf8")));
    expect((await get(url, { "accept-encoding": "gzip;q=0" })).headers["content-encoding"]).toBeUndefined();
  });

  it("answers a bad parameter with the contract's 400 and the same headers", async () => {
    const bad = await get("/api/search?page=0");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString("utf8"))).toMatchObject({ error: { code: "invalid_parameter", param: "page" } });
    expect(bad.headers["content-security-policy"]).toContain("'nonce-");
    expect(bad.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not search for a request whose client left before its turn", async () => {
    const { getSearchService } = await import("@/lib/search/service");
    const service = await getSearchService();
    const { searched, restore } = recordSearches(service);
    /** A request and a response standing for Node's, enough for serveSearchApi. */
    const exchange = (q: string) => {
      const req = { method: "GET", url: `/api/search?q=${encodeURIComponent(q)}`, headers: {} } as unknown as IncomingMessage;
      const res = Object.assign(new EventEmitter(), {
        status: 0,
        writableFinished: false,
        headersSent: false,
        setHeader: () => res,
        writeHead(status: number) {
          res.status = status;
          return res;
        },
        end: () => ((res.writableFinished = true), res),
      });
      return { done: serveSearchApi(req, res as unknown as ServerResponse), res };
    };
    const first = exchange("kinh tế");
    const second = exchange("thể thao");
    second.res.emit("close"); // its client left while it waited
    const third = exchange("bóng đá");
    await Promise.all([first.done, second.done, third.done]);
    expect([first.res.status, second.res.status, third.res.status]).toEqual([200, 499, 200]);
    expect(searched).toEqual(["kinh tế", "bóng đá"]);
    restore();
  });
});
