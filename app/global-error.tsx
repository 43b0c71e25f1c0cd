"use client";

import { ErrorNotice } from "@/components/errors/ErrorNotice";
import "./globals.css";

/** An error in the root layout itself: this replaces the whole document. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <ErrorNotice title="Đã xảy ra lỗi" digest={error.digest}>
          <p>Trang web gặp sự cố ngoài dự kiến. Hãy tải lại trang, hoặc quay lại trang tìm kiếm.</p>
        </ErrorNotice>
      </body>
    </html>
  );
}
