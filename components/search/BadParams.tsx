import Link from "next/link";

/** A link with a bad parameter: say which and why, in Vietnamese, and offer the fixed link or a clean search. */
export function BadParams({ text, fix }: { text: string; fix: { href: string; label: string } }) {
  return (
    <div role="alert" className="rounded-md border border-red-400 bg-red-50 p-4 dark:border-red-700 dark:bg-red-950" data-testid="bad-params">
      <h2 className="font-semibold">Liên kết tìm kiếm này có tham số không hợp lệ</h2>
      <p className="mt-1">{text}.</p>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        {fix.href !== "/" && (
          <Link href={fix.href} className="text-blue-700 underline dark:text-blue-300">
            {fix.label}
          </Link>
        )}
        <Link href="/" className="text-blue-700 underline dark:text-blue-300">
          Bắt đầu tìm kiếm mới
        </Link>
      </p>
    </div>
  );
}
