import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The index is built from files on disk at run time; keep it out of the bundle graph.
  serverExternalPackages: ["minisearch", "pino"],
  poweredByHeader: false,
  // The per-request CSP is set in proxy.ts; these go on every response, static files too.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
