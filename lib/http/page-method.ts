// The methods a page URL takes. Next.js renders a page for any method: a POST got the page
// itself (200), an OPTIONS a bare 400, a POST to an unknown article the empty 404 shell, and
// under npm start a TRACE a 500 once it reached the middleware (a web Request cannot carry
// it). Pages are read with GET and HEAD; the rest is answered before any route renders. The
// API is read the same way: Next's own 405 for a POST to an API route had no body and no
// `Allow`, so a program got nothing to act on; it gets the API's JSON error instead.
import { plainPageHtml } from "@/lib/http/plain-page";

export const PAGE_ALLOW = "GET, HEAD, OPTIONS";

export type PageMethod = "pass" | "options" | "refuse" | "refuse-api";

/** Methods the fetch standard forbids: Next cannot make a web Request of them for any route (a 500). */
const FORBIDDEN = new Set(["CONNECT", "TRACE", "TRACK"]);

/** What the front does with a request's method: pass it on, answer OPTIONS (204), or refuse it (405: a page, or the API's JSON). */
export function pageMethod(method: string, pathname: string): PageMethod {
  if (method === "GET" || method === "HEAD") return "pass";
  if (pathname.startsWith("/api/")) return method === "OPTIONS" ? "options" : "refuse-api";
  if (FORBIDDEN.has(method.toUpperCase())) return "refuse";
  // Next.js answers for its own paths.
  if (pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs")) return "pass";
  return method === "OPTIONS" ? "options" : "refuse";
}

/** The answer to a method `pageMethod` does not pass on, as data (proxy.ts and the npm start front write it). */
export function pageMethodAnswer(kind: Exclude<PageMethod, "pass">): { status: number; headers: Record<string, string>; body: string | null } {
  if (kind === "options") return { status: 204, headers: { Allow: PAGE_ALLOW }, body: null };
  if (kind === "refuse-api") {
    const error = { code: "method_not_allowed", message: "The API is read-only: use GET (or HEAD, OPTIONS)." };
    return { status: 405, headers: { Allow: PAGE_ALLOW, "Content-Type": "application/json" }, body: JSON.stringify({ error }) };
  }
  return {
    status: 405,
    headers: { Allow: PAGE_ALLOW, "Content-Type": "text/html; charset=utf-8" },
    body: plainPageHtml("Không hỗ trợ cách gửi yêu cầu này", "Các trang của Tìm tin chỉ mở để đọc (GET hoặc HEAD)."),
  };
}
