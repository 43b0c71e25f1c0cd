import type { SearchQuery } from "@/lib/api/contract";
import { feedHref } from "@/lib/url/links";

/**
 * "Theo dõi": the Atom feed of these results, plus the `<link rel="alternate">` that feed
 * readers discover. React hoists the `<link>` into <head> and keeps it in step with the query.
 */
export function FeedLink({ query }: { query: SearchQuery }) {
  const href = feedHref(query);
  return (
    <>
      <link rel="alternate" type="application/atom+xml" href={href} title="Theo dõi tìm kiếm này (Atom)" />
      <a
        href={href}
        type="application/atom+xml"
        data-testid="feed-link"
        className="rounded-md border border-zinc-400 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
      >
        Theo dõi
        <span className="sr-only"> tìm kiếm này qua nguồn tin Atom</span>
      </a>
    </>
  );
}
