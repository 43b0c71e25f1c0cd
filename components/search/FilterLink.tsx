"use client";

import Link from "next/link";
import type { ComponentProps, MouseEvent } from "react";
import { useNavigate } from "@/components/search/use-search";
import type { SearchQuery } from "@/lib/api/contract";
import { searchHref } from "@/lib/url/search-params";

type Props = Omit<ComponentProps<typeof Link>, "href" | "onClick"> & { query: SearchQuery; scrollTop?: boolean };

/**
 * A real link to a search (it can be opened in a new tab or shared); a plain click
 * updates the URL in place and pushes a history entry instead of reloading the page.
 */
export function FilterLink({ query, scrollTop, ...rest }: Props) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(query);
    if (scrollTop) window.scrollTo({ top: 0 });
  };
  return <Link {...rest} href={searchHref(query)} prefetch={false} onClick={onClick} />;
}
