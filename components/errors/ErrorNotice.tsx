import type { ReactNode } from "react";

/** The body of every error page: what happened, the codes to quote, and the way back. */
export function ErrorNotice({
  title,
  children,
  requestId,
  digest,
  actions,
}: {
  title: string;
  children: ReactNode;
  requestId?: string | null;
  digest?: string;
  actions?: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10" data-testid="error-page">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-2">{children}</div>
      {(requestId || digest) && (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          Nếu lỗi lặp lại, hãy gửi kèm mã này khi báo lỗi:{" "}
          {requestId && (
            <code data-testid="request-id" className="break-all">
              {requestId}
            </code>
          )}
          {requestId && digest && " / "}
          {digest && (
            <code data-testid="error-digest" className="break-all">
              {digest}
            </code>
          )}
        </p>
      )}
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1">
        {actions}
        {/* A plain link (full reload): it works even when the client app is what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-blue-700 underline dark:text-blue-300">
          Quay lại trang tìm kiếm
        </a>
      </p>
    </main>
  );
}
