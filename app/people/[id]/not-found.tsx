import Link from "next/link";

export default function PersonNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">Không tìm thấy người này</h1>
      <p className="mt-2">Không có bài nào trong dữ liệu hiện tại nhắc đến người này; có thể liên kết đã cũ.</p>
      <Link href="/" className="mt-3 inline-block text-blue-700 underline dark:text-blue-300">
        Quay lại tìm kiếm
      </Link>
    </main>
  );
}
