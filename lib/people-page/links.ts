/** The page of one person: `/people/{id}`. */
export function personHref(id: string): string {
  return `/people/${encodeURIComponent(id)}`;
}
