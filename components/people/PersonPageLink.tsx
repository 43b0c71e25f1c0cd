import { AppLink } from "@/components/links/AppLink";
import type { Entity } from "@/lib/corpus/types";
import { personHref } from "@/lib/people-page/links";

/**
 * A small link to a person's page, named for screen readers. Not prefetched (AppLink): a
 * results page holds dozens of these and of article links, and next/link's default prefetch
 * asked the server for each one in view, dynamic pages rendered for every page view
 * (docs/history/performance-log.md, http15).
 */
export function PersonPageLink({ person }: { person: Entity }) {
  return (
    <AppLink
      href={personHref(person.id)}
      aria-label={`Trang của ${person.name}`}
      title={`Trang của ${person.name}`}
      data-person-page={person.id}
      className="inline-flex size-6 items-center justify-center rounded-full text-sm text-blue-700 hover:bg-zinc-100 dark:text-blue-300 dark:hover:bg-zinc-800"
    >
      <span aria-hidden="true">ⓘ</span>
    </AppLink>
  );
}
