import { NextResponse, type NextRequest } from "next/server";
import { badPathResponse, hasMalformedEncoding } from "@/lib/security/bad-path";
import { contentSecurityPolicy, newNonce, requestIdFrom } from "@/lib/security/headers";

/**
 * Every page and API request: a fresh CSP nonce and a request id. Next reads the nonce
 * from the request's CSP header and puts it on its inline scripts; the request id reaches
 * the pages (x-request-id) so an error page can show the id the server logged.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    return badPathResponse(request.nextUrl.pathname, { "Content-Security-Policy": csp, "X-Request-Id": requestId });
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("x-request-id", requestId);
  forwarded.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  // Not the hashed build assets: they carry no inline script (next.config.ts still gives
  // them the static security headers).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
