import { AppLink } from "@/components/links/AppLink";
import { Highlighted } from "@/components/search/Highlighted";
import { PersonChip } from "@/components/results/PersonChip";
import { DateLine } from "@/components/results/DateLine";
import { StoryOthers } from "@/components/results/StoryOthers";
import { MISSING_LABEL } from "@/lib/ui/near-miss";
import { republishedLabel } from "@/lib/ui/story-labels";
import type { SearchHit, SearchQuery } from "@/lib/api/contract";
import { articleHref } from "@/lib/url/links";

/** `marked`: the query the hit matched (a correction of the typed one, when there was one). */
export function ResultItem({ hit, query, marked }: { hit: SearchHit; query: SearchQuery; marked?: string }) {
  return (
    <li className="py-4" data-testid="result">
      <h2 className="text-lg leading-snug font-semibold text-blue-800 dark:text-blue-300">
        <AppLink href={articleHref(hit.id, query, marked)} className="hover:underline">
          <Highlighted segments={hit.titleSegments} />
        </AppLink>
      </h2>
      <DateLine outlet={hit.outlet?.name ?? null} date={hit.date} estimated={hit.dateEstimated} />
      {hit.republishedBy ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="republished">
          {republishedLabel(hit.republishedBy)}
        </p>
      ) : null}
      {hit.missing.length > 0 && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="missing">
          {MISSING_LABEL}{" "}
          {hit.missing.map((w, i) => (
            <span key={i}>
              {i > 0 && ", "}
              <s>{w}</s>
            </span>
          ))}
        </p>
      )}
      <p className="mt-1 break-words" data-testid="snippet">
        <Highlighted segments={hit.snippet} />
      </p>
      {hit.persons.length > 0 && (
        <ul aria-label="Người được nhắc đến" className="mt-2 flex flex-wrap gap-1.5" data-testid="persons">
          {hit.persons.map((p) => (
            <li key={p.id}>
              <PersonChip person={p} query={query} />
            </li>
          ))}
        </ul>
      )}
      {hit.story && <StoryOthers story={hit.story} query={query} />}
    </li>
  );
}
