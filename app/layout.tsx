import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { RequestIdProvider } from "@/components/errors/request-id";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/ui/page-meta";
import "./globals.css";

export const metadata: Metadata = {
  title: SITE_NAME,
  description: SITE_DESCRIPTION,
  openGraph: { title: SITE_NAME, description: SITE_DESCRIPTION, siteName: SITE_NAME, locale: "vi_VN", type: "website" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request headers renders every page per request, so each gets its own CSP
  // nonce (proxy.ts); the request id lets an error page show what the server logged.
  const requestId = (await headers()).get("x-request-id");
  return (
    <html lang="vi">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <RequestIdProvider id={requestId}>
          <Providers>{children}</Providers>
        </RequestIdProvider>
      </body>
    </html>
  );
}
