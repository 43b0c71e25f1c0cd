import http, { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { dropRewriteTarget, FRONT_HEADER, frontRequest } from "@/lib/http/node-page-front";
import { config } from "@/proxy";
import { useSeedService } from "@/lib/http/test-seeds";
import { readyService } from "@/lib/search/service";
import { pageView } from "@/lib/ui/page-answer";
import { BAD_ENCODING_HEADER, parseSearchQuery } from "@/lib/url/query-encoding";

/** A request and a response standing for Node's, enough for frontRequest. */
function exchange(url: string, headers: Record<string, string> = {}, method = "GET") {
  const req = { method, url, headers: { ...headers } } as unknown as IncomingMessage;
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
  useSeedService("timtin-front-");

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

  it("answers If-None-Match: * with a 304 (RFC 9110, as the API does), and never a malformed tag", () => {
    const { sent } = exchange("/?q=Putin");
    const any = exchange("/?q=Putin", { "if-none-match": "*" });
    expect(any.res.status).toBe(304);
    const nonce = nonceOf(any.sent["content-security-policy"]);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce).not.toBe(nonceOf(sent["content-security-policy"]));
    expect(any.sent.etag).toContain(`.${nonce}"`);
    // Not a results page that would be a 200: no 304.
    expect(exchange("/?from=2017-02-30", { "if-none-match": "*" }).answered).toBe(false);
    for (const header of [`W/${sent.etag}`, `${sent.etag} ${sent.etag}`, `*, ${sent.etag}`]) {
      const again = exchange("/?q=Putin", { "if-none-match": header });
      expect(again.answered, header).toBe(false);
      expect(again.sent.etag, header).not.toBe(sent.etag);
    }
  });

  it("tells an article page which of its hints to drop, and never passes a client's own list on", () => {
    const id = "002_39daa1a30ecf3676";
    expect(readyService()!.engine.hasArticle(id)).toBe(true);
    const bad = exchange(`/articles/${id}?q=Putin%ZZ&back=%3Fq%3DPutin`);
    expect(bad.answered).toBe(false);
    expect(bad.req[BAD_ENCODING_HEADER]).toBe("q");
    const good = exchange(`/articles/${id}?q=Putin`, { [BAD_ENCODING_HEADER]: "q,back" });
    expect(good.req[BAD_ENCODING_HEADER]).toBeUndefined();
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

  it("leaves to the middleware a results page whose parameter is badly encoded, an unknown article or person, a method no page takes", () => {
    for (const [url, method] of [
      ["/?q=%ff", "GET"],
      ["/?from=2017-01-01&person=%zz", "GET"],
      ["/articles/khong-co-bai-nay", "GET"],
      ["/articles/khong-co-bai-nay", "HEAD"],
      ["/people/khong-co-ai", "GET"],
      ["/api/suggest?q=%ff", "GET"],
      ["/feed?q=%zz", "GET"],
    ]) {
      const { answered, req } = exchange(url, {}, method);
      expect(answered, `${method} ${url}`).toBe(false);
      expect(req[FRONT_HEADER], `${method} ${url}`).toBeUndefined();
    }
  });

  it("gives a known article or person page, and a well-encoded results page, their headers here", () => {
    for (const url of [
      "/articles/000_be94a817387f0ba4",
      "/articles/000_be94a817387f0ba4?q=%E2%82%AB",
      "/people/vladimir-putin",
      "/?q=h%C3%B2a+b%C3%ACnh",
      "/?utm=%ff",
    ]) {
      const { answered, req } = exchange(url);
      expect(answered, url).toBe(false);
      expect(req[FRONT_HEADER], url).toBe("1");
    }
  });

  it("answers a method no page takes itself, as proxy.ts would (a web Request cannot carry TRACE)", () => {
    for (const [url, method, status] of [
      ["/", "POST", 405],
      ["/articles/000_be94a817387f0ba4", "TRACE", 405],
      ["/api/search", "TRACE", 405],
      ["/people/vladimir-putin", "OPTIONS", 204],
    ] as const) {
      const { answered, res, sent } = exchange(url, {}, method);
      expect(answered, `${method} ${url}`).toBe(true);
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(sent.allow, `${method} ${url}`).toBe("GET, HEAD, OPTIONS");
      expect(sent["x-content-type-options"], `${method} ${url}`).toBe("nosniff");
      expect(nonceOf(sent["content-security-policy"]), `${method} ${url}`).toBeDefined();
    }
    const api = exchange("/api/search", {}, "POST"); // the API's JSON 405, not Next's empty one
    expect(api.answered).toBe(true);
    expect(api.res.status).toBe(405);
    expect(api.sent["content-type"]).toBe("application/json");
  });

  it("never keeps a client's own bad-encoding header (only the middleware sets it)", () => {
    const { req } = exchange("/?q=Putin", { [BAD_ENCODING_HEADER]: "q" });
    expect(req[FRONT_HEADER]).toBe("1");
    expect(req[BAD_ENCODING_HEADER]).toBeUndefined();
  });

  it("keeps a results page rendered under a request id made here and sends it again, not rendered, with a new nonce and id", async () => {
    let renders = 0;
    // Next.js's part, as the page does it: the answer kept by the engine, the request's nonce and id in the page.
    const server = http.createServer((req, res) => {
      if (frontRequest(req, res)) return;
      renders++;
      const parsed = parseSearchQuery(new URL(req.url ?? "/", "http://x").search);
      const answer = parsed.ok ? readyService()!.engine.searchJson(parsed.query, { view: pageView }) : null;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      const payload = JSON.stringify(`3:{"id":"${req.headers["x-request-id"] as string}"}\n4:T${(answer?.json.length ?? 0).toString(16)},${answer?.json}`);
      res.end(`<script nonce="${req.headers["x-nonce"] as string}">self.__next_f.push([1,${payload}])</script>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const get = async (path: string, headers: Record<string, string> = {}) => {
        const r = await fetch(base + path, { headers });
        return { csp: r.headers.get("content-security-policy") ?? undefined, id: r.headers.get("x-request-id") ?? "", html: await r.text() };
      };
      const first = await get("/?q=Putin&size=3");
      const second = await get("/?q=Putin&size=3");
      expect(renders).toBe(1);
      expect(nonceOf(second.csp)).not.toBe(nonceOf(first.csp));
      expect(second.html).toContain(`nonce="${nonceOf(second.csp)}"`);
      expect(second.html).toContain(second.id);
      expect(second.html).not.toContain(nonceOf(first.csp));
      expect(second.html).not.toContain(first.id);
      // Rendered under a client's id: the id could be any text of the page, so the page is not kept.
      await get("/?q=Putin&size=4", { "x-request-id": "upstream-id-123" });
      await get("/?q=Putin&size=4");
      expect(renders).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("is the header proxy.ts's matcher skips", () => {
    expect(config.matcher[0].missing).toEqual([{ type: "header", key: FRONT_HEADER }]);
  });

  it("drops the rewrite target Next.js would copy into a rewritten page's response, and keeps every other header", () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    dropRewriteTarget(res);
    res.setHeader("X-Middleware-Rewrite", `/?Q=${"a".repeat(15_000)}&page=-1`);
    res.setHeader("X-Request-Id", "r1");
    expect(res.getHeader("x-middleware-rewrite")).toBeUndefined();
    expect(res.getHeader("x-request-id")).toBe("r1");
  });
});
