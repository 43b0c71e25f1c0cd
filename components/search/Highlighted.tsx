import type { Segment } from "@/lib/api/contract";

/** Text segments with matched passages in <mark>; no HTML ever comes from the API. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
