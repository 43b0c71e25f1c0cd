import { formatDateVi } from "@/lib/format";

/** `VnExpress · 7 tháng 8, 2025 [ước tính]` */
export function DateLine({ outlet, date, estimated }: { outlet: string | null; date: string | null; estimated: boolean }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      {outlet ?? "Không rõ báo"} ·{" "}
      {date ? <time dateTime={date}>{formatDateVi(date)}</time> : "Không rõ ngày"}
      {date && estimated && (
        <span
          title="Ngày được suy ra từ nội dung bài, không có trong dữ liệu gốc"
          className="ml-1.5 rounded border border-amber-600 px-1 text-xs text-amber-800 dark:border-amber-400 dark:text-amber-200"
        >
          ước tính
        </span>
      )}
    </p>
  );
}
