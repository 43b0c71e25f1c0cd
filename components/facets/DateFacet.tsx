import { DateHistogram } from "@/components/facets/DateHistogram";
import { DateInputs } from "@/components/facets/DateInputs";
import { QuickRanges } from "@/components/facets/QuickRanges";
import type { SearchResponse } from "@/lib/api/contract";

export function DateFacet({ data }: { data: SearchResponse }) {
  return (
    <section aria-labelledby="facet-date" className="space-y-3" data-testid="facet-date">
      <h2 id="facet-date" className="font-semibold">
        Thời gian
      </h2>
      <DateHistogram data={data} />
      <QuickRanges data={data} />
      <DateInputs query={data.query} />
    </section>
  );
}
