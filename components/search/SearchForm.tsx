import Form from "next/form";

/** A plain GET form: searching works before (and without) JavaScript. */
export function SearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <Form action="/" role="search" className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        Tìm kiếm tin tức
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Tìm tin, ví dụ: hòa bình Ukraine"
        className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
        Tìm
      </button>
    </Form>
  );
}
