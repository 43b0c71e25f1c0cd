import Link from "next/link";
import { notFound } from "next/navigation";
import { Highlighted } from "@/components/search/Highlighted";
import { formatDateVi } from "@/lib/format";
import { getSearchService } from "@/lib/search/service";

export const dynamic = "force-dynamic";

export default async function ArticlePage({ params, searchParams }: PageProps<"/articles/[id]">) {
  const { id } = await params;
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.trim().slice(0, 200) : "";
  const { engine } = await getSearchService();
  const article = engine.article(id);
  if (!article) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <Link href={q ? `/?q=${encodeURIComponent(q)}` : "/"} className="text-sm text-blue-700 underline dark:text-blue-300">
        ← Quay lại kết quả
      </Link>
      <article className="mt-4">
        <h1 className="text-2xl font-bold">
          <Highlighted segments={engine.highlight(article.title, q)} />
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {article.outlet?.name ?? "Không rõ nguồn"} · {article.date ? formatDateVi(article.date) : "Không rõ ngày"}
          {article.dateEstimated && " (ước tính)"}
        </p>
        <div className="mt-4 space-y-4 leading-relaxed">
          {article.paragraphs.map((p, i) => (
            <p key={i}>
              <Highlighted segments={engine.highlight(p, q)} />
            </p>
          ))}
        </div>
      </article>
    </main>
  );
}
