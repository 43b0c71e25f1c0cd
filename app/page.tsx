import Link from "next/link";
import { SearchApp } from "@/components/search/SearchApp";
import { SearchForm } from "@/components/search/SearchForm";
import { getSearchService } from "@/lib/search/service";
import { parseSearchParams } from "@/lib/url/search-params";

export const dynamic = "force-dynamic";

export default async function SearchPage({ searchParams }: PageProps<"/">) {
  const parsed = parseSearchParams(await searchParams);
  const { engine } = await getSearchService();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <header className="mb-4">
        <h1 className="mb-3 text-2xl font-bold">
          <Link href="/">Tìm tin</Link>
        </h1>
        <SearchForm defaultValue={parsed.ok ? parsed.query.q : ""} />
      </header>
      {parsed.ok ? (
        <SearchApp initial={engine.search(parsed.query)} />
      ) : (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950">
          <p>Liên kết tìm kiếm này có tham số không hợp lệ ({parsed.error.message}).</p>
          <Link href="/" className="text-blue-700 underline dark:text-blue-300">
            Bắt đầu tìm kiếm mới
          </Link>
        </div>
      )}
    </main>
  );
}
