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

  it("leaves the API's routes and Next.js's own paths to answer for their methods", () => {
    for (const path of ["/api/search", "/api/articles/a", "/_next/static/x.js", "/__nextjs_original-stack-frames"]) {
      for (const method of ["POST", "OPTIONS", "DELETE"]) expect(pageMethod(method, path), `${method} ${path}`).toBe("pass");
    }
  });

  it("refuses everywhere the methods no web Request can carry", () => {
    for (const path of ["/api/search", "/api/articles/a", "/"])
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
});
