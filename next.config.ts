import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The index is built from files on disk at run time; keep it out of the bundle graph.
  serverExternalPackages: ["minisearch", "pino"],
  poweredByHeader: false,
  // proxy.ts reads the URL as the request wrote it: normalised, `?q=%ff` would already be
  // `?q=%EF%BF%BD` (U+FFFD) and `?q=%zz` `?q=%25zz`, so a badly encoded parameter could not be
  // told from a search (lib/http/page-front.ts, badlyEncodedParamOf).
  skipProxyUrlNormalize: true,
  // The per-request CSP is set in proxy.ts; these go on every response, static files too.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
