"use client";

import { PersonPageLink } from "@/components/people/PersonPageLink";
import { FilterLink } from "@/components/search/FilterLink";
import type { Entity } from "@/lib/corpus/types";
import type { SearchQuery } from "@/lib/api/contract";
import { toggleValue } from "@/lib/ui/active-filters";

const chip = "inline-block rounded-full border px-2.5 py-0.5 text-sm";

/**
 * A person named in a result: a click on the name narrows the results to articles naming
 * them; the ⓘ beside it opens the person's page.
 */
export function PersonChip({ person, query }: { person: Entity; query: SearchQuery }) {
  const active = query.person.includes(person.id);
  return (
    <span className="inline-flex items-center gap-0.5">
      {active ? (
        <span data-person={person.id} className={`${chip} border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950`}>
          {person.name}
        </span>
      ) : (
        <FilterLink
          query={toggleValue(query, "person", person.id)}
          aria-label={`Lọc theo ${person.name}`}
          data-person={person.id}
          className={`${chip} border-zinc-400 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800`}
        >
          {person.name}
        </FilterLink>
      )}
      <PersonPageLink person={person} />
    </span>
  );
}
