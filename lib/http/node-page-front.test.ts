import { rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FRONT_HEADER, frontRequest } from "@/lib/http/node-page-front";
import { config } from "@/proxy";
import { seedServiceEnv } from "@/lib/http/test-seeds";

/** A request and a response standing for Node's, enough for frontRequest. */
function exchange(url: string, headers: Record<string, string> = {}) {
  const req = { method: "GET", url, headers: { ...headers } } as unknown as IncomingMessage;
  const sent: Record<string, string> = {};
  const res = {
    status: 0,
    ended: false,
    setHeader: (name: string, value: string) => ((sent[name.toLowerCase()] = String(value)), res),
    writeHead(status: number, headers: Record<string, string> = {}) {
      res.status = status;
      for (const [name, value] of Object.entries(headers)) sent[name.toLowerCase()] = value;
      return res;
    },
    end: () => ((res.ended = true), res),
  };
  const answered = frontRequest(req, res as unknown as ServerResponse);
  return { answered, req: req.headers, res, sent };
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts's work done on Node's request before Next.js (npm start)", () => {
  const corpus = seedServiceEnv("timtin-front-");
  beforeAll(async () => {
    const { getSearchService } = await import("@/lib/search/service");
    await getSearchService();
  });
  afterAll(async () => {
    const { getSearchService } = await import("@/lib/search/service");
    await (await getSearchService()).index.close();
    rmSync(corpus, { recursive: true, force: true });
  });

  it("gives a results page its nonce, CSP, request id and tag, and marks it for proxy.ts's matcher", () => {
    const { answered, req, sent } = exchange("/?q=Putin", { "x-request-id": "upstream-id-123" });
    expect(answered).toBe(false);
    const nonce = req["x-nonce"] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(req["content-security-policy"] as string)).toBe(nonce);
    expect(nonceOf(sent["content-security-policy"])).toBe(nonce);
    expect(req["x-request-id"]).toBe("upstream-id-123");
    expect(sent["x-request-id"]).toBe("upstream-id-123");
    expect(req[FRONT_HEADER]).toBe("1");
    expect(sent.etag).toMatch(new RegExp(`^W/"[A-Za-z0-9_-]{22}\\.${nonce.replace(/[+/]/g, "\\$&")}"$`));
    expect(sent["cache-control"]).toBe("private, no-cache");

    // Asked again with that tag: a 304 here, with the nonce of the copy the client holds.
    const again = exchange("/?q=Putin", { "if-none-match": sent.etag });
    expect(again.answered).toBe(true);
    expect(again.res.status).toBe(304);
    expect(again.res.ended).toBe(true);
    expect(again.sent.etag).toBe(sent.etag);
    expect(nonceOf(again.sent["content-security-policy"])).toBe(nonce);
    expect(again.sent["x-content-type-options"]).toBe("nosniff");
  });

  it("gives other pages a fresh nonce each and a new request id, without a tag", () => {
    const a = exchange("/khong-co/trang");
    const b = exchange("/khong-co/trang");
    expect(a.answered).toBe(false);
    expect(a.req[FRONT_HEADER]).toBe("1");
    expect(a.req["x-nonce"]).not.toBe(b.req["x-nonce"]);
    expect(a.req["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.sent.etag).toBeUndefined();
  });

  it("leaves to the middleware what it rewrites or answers itself, and never keeps a client's own marker", () => {
    for (const url of ["/?from=2017-02-30", "/articles/%E0%A4%A", "/_next/static/chunks/x.js", "/favicon.ico"]) {
      const { answered, req, sent } = exchange(url, { [FRONT_HEADER]: "1" });
      expect(answered, url).toBe(false);
      expect(req[FRONT_HEADER], url).toBeUndefined();
      expect(req["x-nonce"], url).toBeUndefined();
      expect(sent, url).toEqual({});
    }
  });

  it("is the header proxy.ts's matcher skips", () => {
    expect(config.matcher[0].missing).toEqual([{ type: "header", key: FRONT_HEADER }]);
  });
});
