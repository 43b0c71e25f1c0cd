import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { NotFoundMessage } from "@/components/errors/NotFoundMessage";
import { MentionsByMonth } from "@/components/people/MentionsByMonth";
import { IndexingNotice } from "@/components/search/IndexingNotice";
import { DateLine } from "@/components/results/DateLine";
import { personHref } from "@/lib/people-page/links";
import { personProfile } from "@/lib/people-page/profile";
import type { SearchEngine } from "@/lib/search/engine";
import { serviceState } from "@/lib/search/service";
import { decodePathParam } from "@/lib/url/path-param";
import { articleHref } from "@/lib/url/links";
import { EMPTY_QUERY, searchHref } from "@/lib/url/search-params";
import { formatCountVi } from "@/lib/format";

export const dynamic = "force-dynamic";

const link = "text-blue-700 underline dark:text-blue-300";

/** The metadata and the page share one lookup per request (the id decoded as the article page's). */
const profileOf = cache((engine: SearchEngine, segment: string) => personProfile(engine, decodePathParam(segment)));

export async function generateMetadata({ params }: PageProps<"/people/[id]">): Promise<Metadata> {
  const state = serviceState();
  if (state.status !== "ok") return { title: "Đang lập chỉ mục — Tìm tin" };
  const profile = profileOf(state.service.engine, (await params).id);
  return profile ? { title: `${profile.person.name} — Tìm tin` } : { title: "Không tìm thấy người này — Tìm tin", robots: { index: false } };
}

export default async function PersonPage({ params }: PageProps<"/people/[id]">) {
  const state = serviceState();
  if (state.status !== "ok") {
    return (
      <main className="mx-auto max-w-3xl px-4 py-6">
        <IndexingNotice state={state} />
      </main>
    );
  }
  const profile = profileOf(state.service.engine, (await params).id);
  // Rendered here, not by notFound(), so that it is in the HTML; proxy.ts gives it its 404
  // (lib/http/page-front.ts, isMissingItemPage, says why).
  if (!profile) {
    return <NotFoundMessage heading="Không tìm thấy người này" text="Không có bài nào trong dữ liệu hiện tại nhắc đến người này; có thể liên kết đã cũ." />;
  }
  const { person, total, months, outlets, together, latest } = profile;
  const byPerson = { ...EMPTY_QUERY, person: [person.id] };
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <nav aria-label="Điều hướng">
        <Link prefetch={false} href="/" className={`text-sm ${link}`}>
          ← Tìm tin
        </Link>
      </nav>
      <h1 className="mt-4 text-2xl font-bold">{person.name}</h1>
      <p className="mt-1">
        Được nhắc đến trong{" "}
        <Link prefetch={false} href={searchHref(byPerson)} className={link} data-testid="person-total">
          {formatCountVi(total)} bài
        </Link>
      </p>

      <section aria-labelledby="months" className="mt-6">
        <h2 id="months" className="mb-2 text-lg font-semibold">
          Số bài theo tháng
        </h2>
        <MentionsByMonth months={months} />
      </section>

      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <section aria-labelledby="outlets">
          <h2 id="outlets" className="mb-2 text-lg font-semibold">
            Báo đưa tin
          </h2>
          {outlets.length ? (
            <ul className="space-y-1" data-testid="person-outlets">
              {outlets.map((o) => (
                <li key={o.id}>
                  <Link prefetch={false} href={searchHref({ ...byPerson, outlet: [o.id] })} className={link}>
                    {o.name}
                  </Link>{" "}
                  <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{formatCountVi(o.count)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">Không rõ báo.</p>
          )}
        </section>
        <section aria-labelledby="together">
          <h2 id="together" className="mb-2 text-lg font-semibold">
            Thường được nhắc cùng
          </h2>
          {together.length ? (
            <ul className="space-y-1" data-testid="person-together">
              {together.map((p) => (
                <li key={p.id}>
                  <Link prefetch={false} href={personHref(p.id)} className={link}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{formatCountVi(p.count)} bài chung</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">Chưa có ai được nhắc cùng.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="latest" className="mt-6">
        <h2 id="latest" className="mb-2 text-lg font-semibold">
          Bài mới nhất
        </h2>
        <ul className="space-y-3" data-testid="person-latest">
          {latest.map((hit) => (
            <li key={hit.id}>
              <Link prefetch={false} href={articleHref(hit.id, byPerson)} className={`font-medium ${link}`}>
                {hit.title}
              </Link>
              <DateLine outlet={hit.outlet?.name ?? null} date={hit.date} estimated={hit.dateEstimated} />
            </li>
          ))}
        </ul>
        {total > latest.length && (
          <Link prefetch={false} href={searchHref(byPerson)} className={`mt-3 inline-block ${link}`}>
            Xem tất cả {formatCountVi(total)} bài
          </Link>
        )}
      </section>
    </main>
  );
}
