import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The index is built from files on disk at run time; keep it out of the bundle graph.
  serverExternalPackages: ["minisearch"],
};

export default nextConfig;
