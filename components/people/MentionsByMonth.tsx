import { formatMonthVi, formatCountVi } from "@/lib/format";

/** Mentions per month as bars; each bar is labelled for screen readers. */
export function MentionsByMonth({ months }: { months: { month: string; count: number }[] }) {
  if (months.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">Các bài nhắc đến người này không có ngày.</p>;
  const max = Math.max(...months.map((m) => m.count));
  return (
    <div>
      <ul aria-label="Số bài nhắc đến theo tháng" className="flex h-28 items-end gap-0.5" data-testid="mentions">
        {months.map(({ month, count }) => {
          const label = `${formatMonthVi(month)}: ${formatCountVi(count)} bài`;
          return (
            <li key={month} className="flex h-full max-w-10 min-w-0 flex-1 flex-col justify-end" title={label}>
              <span
                role="img"
                aria-label={label}
                className="block w-full rounded-t bg-blue-600 dark:bg-blue-400"
                style={{ height: `${Math.max(count ? 6 : 1, (count / max) * 100)}%` }}
              />
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {formatMonthVi(months[0].month)}
        {months.length > 1 && ` – ${formatMonthVi(months[months.length - 1].month)}`}
      </p>
    </div>
  );
}
