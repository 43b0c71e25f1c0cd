import Link from "next/link";

/** Any URL the app does not know. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10" data-testid="not-found">
      <h1 className="text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-2">Địa chỉ này không có trên Tìm tin; có thể liên kết đã cũ hoặc bị gõ sai.</p>
      <Link href="/" className="mt-3 inline-block text-blue-700 underline dark:text-blue-300">
        Quay lại trang tìm kiếm
      </Link>
    </main>
  );
}
