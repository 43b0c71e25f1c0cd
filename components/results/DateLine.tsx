import { EstimatedBadge } from "@/components/results/EstimatedBadge";
import { formatDateVi } from "@/lib/format";

/** `VnExpress · 7/8/2025 [ước tính]` */
export function DateLine({ outlet, date, estimated }: { outlet: string | null; date: string | null; estimated: boolean }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      {outlet ?? "Không rõ báo"} · {date ? <time dateTime={date}>{formatDateVi(date)}</time> : "Không rõ ngày"}
      {date && estimated && <EstimatedBadge />}
    </p>
  );
}
