import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { useSeedService } from "@/lib/http/test-seeds";
import { BAD_ENCODING_HEADER } from "@/lib/url/query-encoding";
import { proxy } from "@/proxy";

/** What the middleware hands the page: the request headers it overrides (Next's x-middleware-request-*). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("proxy.ts on hostile and unknown URLs (next start, next dev; npm start leaves these to it)", () => {
  useSeedService("timtin-proxy-");

  it("rewrites an unknown article or person page to itself with a 404, so the page renders its own not-found", () => {
    for (const path of ["/articles/khong-co-bai-nay", "/articles/" + "a".repeat(5000), "/people/khong-co-ai", "/people/Vladimir%20Putin"]) {
      const res = proxy(new NextRequest(`http://localhost${path}`));
      expect(res.status, path).toBe(404);
      expect(res.headers.get("x-middleware-rewrite"), path).toBe(`http://localhost${path}`);
      expect(res.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
    }
    const head = proxy(new NextRequest("http://localhost/articles/khong-co", { method: "HEAD" }));
    expect(head.status).toBe(404);
  });

  it("passes a known article or person page on, and an unknown one's client navigation (its RSC payload)", () => {
    for (const path of ["/articles/000_be94a817387f0ba4", "/articles/000_be94a817387f0ba4?q=x", "/people/vladimir-putin", "/people/vladimir%2Dputin"]) {
      const res = proxy(new NextRequest(`http://localhost${path}`));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-middleware-rewrite"), path).toBeNull();
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
    const rsc = proxy(new NextRequest("http://localhost/articles/khong-co", { headers: { rsc: "1" } }));
    expect(rsc.status).toBe(200);
  });

  it("gives a results page with a badly encoded parameter its 400 and names the parameter to the page", () => {
    for (const [qs, param] of [
      ["q=%E0%A4", "q"],
      ["q=%ff", "q"],
      ["q=%", "q"],
      ["q=Putin&from=%zz", "from"],
      ["person=%C3%28", "person"],
    ]) {
      const res = proxy(new NextRequest(`http://localhost/?${qs}`));
      expect(res.status, qs).toBe(400);
      expect(forwarded(res, BAD_ENCODING_HEADER), qs).toBe(param);
    }
  });

  it("answers an endpoint's badly encoded parameter with the contract's 400 itself (its route sees the normalised URL)", async () => {
    for (const [path, param] of [
      ["/api/suggest?q=%ff", "q"],
      ["/api/facets?facet=person&facetQuery=%zz", "facetQuery"],
      ["/api/facets?facet=person&q=%E0%A4", "q"],
      ["/feed?q=Putin&to=%", "to"],
    ]) {
      const res = proxy(new NextRequest(`http://localhost${path}`));
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toEqual({ error: { code: "invalid_parameter", param, message: `${param} is not valid percent-encoded UTF-8` } });
      expect(res.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
    }
    // What an endpoint does not read is not judged; an article page's own parameters neither.
    for (const path of ["/api/suggest?q=ok&from=%ff", "/api/health?x=%ff", "/articles/000_be94a817387f0ba4?q=%ff"]) {
      expect(proxy(new NextRequest(`http://localhost${path}`)).status, path).toBe(200);
    }
  });

  it("never hands on a client's own bad-encoding header", () => {
    const res = proxy(new NextRequest("http://localhost/?q=Putin", { headers: { [BAD_ENCODING_HEADER]: "q" } }));
    expect(res.status).toBe(200);
    expect(forwarded(res, BAD_ENCODING_HEADER)).toBeNull();
    expect(res.headers.get("x-middleware-override-headers")).not.toContain(BAD_ENCODING_HEADER);
  });

  it("answers OPTIONS and refuses other methods on pages, with Allow and a Vietnamese page", async () => {
    const options = proxy(new NextRequest("http://localhost/articles/000_be94a817387f0ba4", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    for (const path of ["/", "/articles/khong-co"]) {
      const res = proxy(new NextRequest(`http://localhost${path}`, { method: "POST", body: "x=1" }));
      expect(res.status, path).toBe(405);
      expect(await res.text(), path).toContain('<html lang="vi">');
    }
  });
});
