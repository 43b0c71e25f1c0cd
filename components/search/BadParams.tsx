import Link from "next/link";
import type { ParamError } from "@/lib/url/search-params";

/** A link with a bad parameter: say which, and offer the link without it or a clean search. */
export function BadParams({ error, fixedHref }: { error: ParamError & { text: string }; fixedHref: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-400 bg-red-50 p-4 dark:border-red-700 dark:bg-red-950" data-testid="bad-params">
      <h2 className="font-semibold">Liên kết tìm kiếm này có tham số không hợp lệ</h2>
      <p className="mt-1">{error.text}.</p>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Chi tiết: <code className="break-all">{error.message}</code>
      </p>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        {fixedHref !== "/" && (
          <Link href={fixedHref} className="text-blue-700 underline dark:text-blue-300">
            Bỏ tham số {error.param} và tìm lại
          </Link>
        )}
        <Link href="/" className="text-blue-700 underline dark:text-blue-300">
          Bắt đầu tìm kiếm mới
        </Link>
      </p>
    </div>
  );
}
