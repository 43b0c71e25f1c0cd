import type { ServiceState } from "@/lib/search/service";

/** What a reader sees while the archive is first indexed: progress, and a page that reloads itself. */
export function IndexingNotice({ state }: { state: Exclude<ServiceState, { status: "ok" }> }) {
  const progress = state.status === "indexing" ? state.progress : null;
  const share = progress && progress.total ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : 0;
  return (
    <section
      role="status"
      aria-live="polite"
      className="max-w-3xl rounded border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      data-testid="indexing"
    >
      {/* Reload until the archive is searchable: no JavaScript needed. */}
      <meta httpEquiv="refresh" content="3" />
      {progress ? (
        <>
          <p className="font-semibold">Kho bài đang được lập chỉ mục, trang sẽ tự tải lại.</p>
          <p className="mt-1 text-sm">
            Đã xử lý {progress.done.toLocaleString("vi-VN")} / {progress.total.toLocaleString("vi-VN")} bài ({share}%).
          </p>
          <progress className="mt-2 w-full" max={100} value={share} aria-label="Tiến độ lập chỉ mục" />
        </>
      ) : (
        <p className="font-semibold">Chỉ mục chưa mở được; máy chủ đang thử lại. Trang sẽ tự tải lại.</p>
      )}
    </section>
  );
}
