import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { RelatedArticles } from "@/components/article/RelatedArticles";
import { NotFoundMessage } from "@/components/errors/NotFoundMessage";
import { DateLine } from "@/components/results/DateLine";
import { PersonPageLink } from "@/components/people/PersonPageLink";
import { Highlighted } from "@/components/search/Highlighted";
import { IndexingNotice } from "@/components/search/IndexingNotice";
import { serviceState } from "@/lib/search/service";
import { SITE_NAME } from "@/lib/ui/page-meta";
import { backHref, firstParam } from "@/lib/url/links";
import { decodePathParam } from "@/lib/url/path-param";
import { BAD_ENCODING_HEADER, droppedHints } from "@/lib/url/query-encoding";
import { MAX_QUERY_LENGTH, queryText, searchHref } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/articles/[id]">): Promise<Metadata> {
  const state = serviceState();
  if (state.status !== "ok") return { title: `Đang lập chỉ mục – ${SITE_NAME}` };
  const article = state.service.engine.article(decodePathParam((await params).id));
  if (!article) return { title: `Không tìm thấy bài – ${SITE_NAME}`, robots: { index: false } };
  const title = `${article.title} – ${SITE_NAME}`;
  const description = article.paragraphs[0]?.slice(0, 200);
  return { title, description, openGraph: { title: article.title, description, siteName: SITE_NAME, locale: "vi_VN", type: "article" } };
}

export default async function ArticlePage({ params, searchParams }: PageProps<"/articles/[id]">) {
  const id = decodePathParam((await params).id);
  const sp = await searchParams;
  // A hint that was not valid percent-encoded UTF-8 is dropped (lib/http/page-front.ts, badArticleHintsOf).
  const dropped = droppedHints((await headers()).get(BAD_ENCODING_HEADER));
  const q = dropped.has("q") ? "" : queryText(firstParam(sp.q) ?? "").slice(0, MAX_QUERY_LENGTH);
  const back = backHref(dropped.has("back") ? undefined : firstParam(sp.back), q);
  const state = serviceState();
  if (state.status !== "ok") {
    return (
      <main className="mx-auto max-w-3xl px-4 py-6">
        <IndexingNotice state={state} />
      </main>
    );
  }
  const { engine } = state.service;
  const article = engine.article(id);
  // Rendered here, not by notFound(), so that it is in the HTML; proxy.ts gives it its 404
  // (lib/http/page-front.ts, isMissingItemPage, says why).
  if (!article) return <NotFoundMessage heading="Không tìm thấy bài viết" text="Bài này không có trong dữ liệu hiện tại; có thể liên kết đã cũ." />;
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <nav aria-label="Điều hướng">
        <Link prefetch={false} href={back} className="text-sm text-blue-700 underline dark:text-blue-300" data-testid="back">
          ← Quay lại kết quả
        </Link>
      </nav>
      <article className="mt-4">
        <h1 className="text-2xl leading-snug font-bold break-words">
          <Highlighted segments={engine.highlight(article.title, q)} />
        </h1>
        <div className="mt-1">
          <DateLine outlet={article.outlet?.name ?? null} date={article.date} estimated={article.dateEstimated} />
        </div>
        {article.persons.length > 0 && (
          <ul aria-label="Người được nhắc đến" className="mt-3 flex flex-wrap gap-1.5">
            {article.persons.map((p) => (
              <li key={p.id} className="inline-flex items-center gap-0.5">
                <Link
                  prefetch={false}
                  href={searchHref({ person: [p.id] })}
                  className="inline-block rounded-full border border-zinc-400 px-2.5 py-0.5 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
                >
                  {p.name}
                </Link>
                <PersonPageLink person={p} />
              </li>
            ))}
          </ul>
        )}
        <div className="mt-5 space-y-4 leading-relaxed break-words">
          {article.paragraphs.map((p, i) => (
            <p key={i}>
              <Highlighted segments={engine.highlight(p, q)} />
            </p>
          ))}
        </div>
        {article.photoCredits && article.photoCredits.length > 0 && (
          <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300" data-testid="photo-credits">
            Ảnh: {article.photoCredits.map((c) => c.name).join(", ")}
          </p>
        )}
        {article.url && (
          <p className="mt-6 text-sm break-all">
            Bài gốc:{" "}
            <a href={article.url} rel="noopener noreferrer nofollow" className="text-blue-700 underline dark:text-blue-300">
              {article.url}
            </a>
          </p>
        )}
      </article>
      <RelatedArticles articles={engine.related(article.id, 4)} back={back.replace(/^\/\??/, "")} />
    </main>
  );
}
