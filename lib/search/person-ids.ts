// Whether a slug names a person the archive knows (a query's run of capitals read as a name).
import type { Entity } from "@/lib/corpus/types";
import type { Segment } from "@/lib/index/segment";

// A segment's person ids as a set, made once per segment's dictionary (tens of thousands of
// names: a few milliseconds), not once per matcher: a tool that makes a fresh matcher per run
// would otherwise charge it to whichever query first reads a name.
const sets = new WeakMap<readonly Entity[], Set<string>>();

/** The ids of a segment's person facet, as a set shared by every matcher of the segment. */
export function personIdsOf(seg: Segment): Set<string> {
  const persons = seg.cols.dicts.persons;
  let ids = sets.get(persons);
  if (!ids) sets.set(persons, (ids = new Set(persons.map((p) => p.id))));
  return ids;
}

const counts = new WeakMap<Int32Array, Map<string, number>>();

/** How many of a segment's articles name each person of its facet (by id), made once per segment. */
export function personCountsOf(seg: Segment): Map<string, number> {
  const vals = seg.cols.personVals;
  let byId = counts.get(vals);
  if (!byId) {
    const persons = seg.cols.dicts.persons;
    const n = new Int32Array(persons.length);
    for (const v of vals) n[v]++;
    counts.set(vals, (byId = new Map(persons.map((p, i) => [p.id, n[i]]))));
  }
  return byId;
}
