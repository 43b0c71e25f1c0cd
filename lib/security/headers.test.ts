import { describe, expect, it } from "vitest";
import { badPathResponse, hasMalformedEncoding } from "@/lib/security/bad-path";
import { contentSecurityPolicy, newNonce, requestIdFrom } from "@/lib/security/headers";

describe("contentSecurityPolicy", () => {
  const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

  it("allows scripts only by nonce in production: no unsafe-eval, no unsafe-inline", () => {
    const csp = directives(contentSecurityPolicy("abc"));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("is the same policy for every nonce but the nonce", () => {
    const a = contentSecurityPolicy("nonceA");
    expect(contentSecurityPolicy("nonceB")).toBe(a.replace("'nonce-nonceA'", "'nonce-nonceB'"));
    expect(contentSecurityPolicy("nonceB", { dev: true })).not.toBe(contentSecurityPolicy("nonceB"));
    expect(a.split("; ")).toHaveLength(10);
  });

  it("adds unsafe-eval only in development (React's debug stacks)", () => {
    expect(directives(contentSecurityPolicy("abc", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is fresh each time and 128 bits of base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("never repeats across many nonces (the random bytes are drawn in blocks)", () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    expect(new Set(nonces).size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("requestIdFrom", () => {
  it("keeps a plausible upstream id and replaces anything else", () => {
    expect(requestIdFrom("abc-123_XYZ.9")).toBe("abc-123_XYZ.9");
    for (const bad of [null, "", "short", "a b c d e f g h", "x\r\nSet-Cookie: a=b", "é".repeat(10), "a".repeat(65)]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("malformed paths", () => {
  it("detects percent-encoding that is not UTF-8", () => {
    expect(hasMalformedEncoding("/articles/%E0%A4%A")).toBe(true);
    expect(hasMalformedEncoding("/articles/%ZZ")).toBe(true);
    expect(hasMalformedEncoding("/articles/b%C3%A0i")).toBe(false);
  });

  it("answers the API with a 400 naming the id, pages with a Vietnamese page", async () => {
    const api = badPathResponse("/api/articles/%E0", {});
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: { code: "invalid_parameter", param: "id" } });
    const page = badPathResponse("/articles/%E0", {});
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Quay lại trang tìm kiếm");
  });
});
