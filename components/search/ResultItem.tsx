import Link from "next/link";
import { Highlighted } from "@/components/search/Highlighted";
import { formatDateVi } from "@/lib/format";
import type { SearchHit } from "@/lib/search/types";

export function ResultItem({ hit, q }: { hit: SearchHit; q: string }) {
  const href = `/articles/${encodeURIComponent(hit.id)}${q ? `?q=${encodeURIComponent(q)}` : ""}`;
  return (
    <li className="py-4" data-testid="result">
      <h2 className="text-lg font-semibold text-blue-800 dark:text-blue-300">
        <Link href={href} className="hover:underline">
          <Highlighted segments={hit.titleSegments} />
        </Link>
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {hit.outlet?.name ?? "Không rõ nguồn"} · {hit.date ? formatDateVi(hit.date) : "Không rõ ngày"}
        {hit.dateEstimated && " (ước tính)"}
      </p>
      <p className="mt-1" data-testid="snippet">
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}
