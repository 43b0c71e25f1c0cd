import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">Không tìm thấy bài viết</h1>
      <p className="mt-2">Bài này không có trong dữ liệu hiện tại; có thể liên kết đã cũ.</p>
      <Link href="/" className="mt-3 inline-block text-blue-700 underline dark:text-blue-300">
        Quay lại tìm kiếm
      </Link>
    </main>
  );
}
