import Link from "next/link";
import { formatDateVi } from "@/lib/format";
import type { Article } from "@/lib/corpus/types";

/** "Bài liên quan": nothing at all when the matcher offers none. */
/** `back` is the validated results query string, kept so every article leads back to the same results. */
export function RelatedArticles({ articles, back }: { articles: Article[]; back: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related" className="mt-10 border-t border-zinc-200 pt-4 dark:border-zinc-800" data-testid="related">
      <h2 id="related" className="mb-2 text-lg font-semibold">
        Bài liên quan
      </h2>
      <ul className="space-y-2">
        {articles.map((a) => (
          <li key={a.id}>
            <Link
              prefetch={false}
              href={`/articles/${encodeURIComponent(a.id)}${back ? `?back=${encodeURIComponent(back)}` : ""}`}
              className="text-blue-700 hover:underline dark:text-blue-300"
            >
              {a.title}
            </Link>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">
              {" "}
              · {a.outlet?.name ?? "Không rõ báo"}
              {a.date ? ` · ${formatDateVi(a.date)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
