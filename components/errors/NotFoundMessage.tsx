import Link from "next/link";

/**
 * A Vietnamese "not found", rendered by the page itself in the root layout (so it is in the
 * HTML, lang="vi", before any JavaScript): the unknown URL's, an unknown article's or person's.
 */
export function NotFoundMessage({ heading, text, backLabel = "Quay lại tìm kiếm" }: { heading: string; text: string; backLabel?: string }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10" data-testid="not-found">
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="mt-2">{text}</p>
      <Link href="/" className="mt-3 inline-block text-blue-700 underline dark:text-blue-300">
        {backLabel}
      </Link>
    </main>
  );
}
