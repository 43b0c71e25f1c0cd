import { describe, expect, it } from "vitest";
import { PAGE_ALLOW, pageMethod, pageMethodAnswer } from "@/lib/http/page-method";

describe("pageMethod", () => {
  it("passes GET and HEAD on any path", () => {
    for (const method of ["GET", "HEAD"]) for (const path of ["/", "/articles/a", "/feed", "/api/search"]) expect(pageMethod(method, path)).toBe("pass");
  });

  it("answers OPTIONS and refuses every other method on a page", () => {
    for (const path of ["/", "/articles/a", "/people/b", "/khong-co", "/feed", "/api"]) {
      expect(pageMethod("OPTIONS", path), path).toBe("options");
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]) expect(pageMethod(method, path), `${method} ${path}`).toBe("refuse");
    }
  });

  it("leaves Next.js's own paths to answer for their methods", () => {
    for (const path of ["/_next/static/x.js", "/__nextjs_original-stack-frames"]) {
      for (const method of ["POST", "OPTIONS", "DELETE"]) expect(pageMethod(method, path), `${method} ${path}`).toBe("pass");
    }
  });

  it("answers OPTIONS on the API and refuses its other methods with the API's error", () => {
    for (const path of ["/api/search", "/api/articles/a", "/api/health", "/api/khong-co"]) {
      expect(pageMethod("OPTIONS", path), path).toBe("options");
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND"])
        expect(pageMethod(method, path), `${method} ${path}`).toBe("refuse-api");
    }
    expect(pageMethod("POST", "/apis")).toBe("refuse");
  });

  it("refuses on pages the methods no web Request can carry", () => {
    for (const path of ["/", "/articles/a", "/_next/static/x.js"])
      for (const method of ["TRACE", "TRACK", "CONNECT", "trace"]) expect(pageMethod(method, path)).toBe("refuse");
  });
});

describe("pageMethodAnswer", () => {
  it("says which methods a page takes; OPTIONS has no body, a refused method a Vietnamese page", () => {
    expect(pageMethodAnswer("options")).toEqual({ status: 204, headers: { Allow: PAGE_ALLOW }, body: null });
    const refused = pageMethodAnswer("refuse");
    expect(refused.status).toBe(405);
    expect(refused.headers).toEqual({ Allow: PAGE_ALLOW, "Content-Type": "text/html; charset=utf-8" });
    expect(refused.body).toContain('<html lang="vi">');
    expect(refused.body).toMatch(/<h1>Không hỗ trợ cách gửi yêu cầu này<\/h1>/);
  });

  it("refuses an API method with the API's JSON error and the methods it takes", () => {
    const refused = pageMethodAnswer("refuse-api");
    expect(refused.status).toBe(405);
    expect(refused.headers).toEqual({ Allow: PAGE_ALLOW, "Content-Type": "application/json" });
    expect(JSON.parse(refused.body ?? "")).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("GET") } });
  });
});
