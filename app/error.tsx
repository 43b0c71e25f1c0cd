"use client";

import { useEffect } from "react";
import { ErrorNotice } from "@/components/errors/ErrorNotice";
import { useRequestId } from "@/components/errors/request-id";

/** An unexpected error in a page: say so in Vietnamese, offer a retry and the way back. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useRequestId();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorNotice
      title="Đã xảy ra lỗi"
      requestId={requestId}
      digest={error.digest}
      actions={
        <button type="button" onClick={reset} className="text-blue-700 underline dark:text-blue-300">
          Thử lại
        </button>
      }
    >
      <p>Trang này gặp sự cố ngoài dự kiến. Bạn có thể thử lại, hoặc quay lại trang tìm kiếm.</p>
    </ErrorNotice>
  );
}
