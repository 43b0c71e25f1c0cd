import { NotFoundMessage } from "@/components/errors/NotFoundMessage";

/** Any URL the app does not know. */
export default function NotFound() {
  return (
    <NotFoundMessage
      heading="Không tìm thấy trang"
      text="Địa chỉ này không có trên Tìm tin; có thể liên kết đã cũ hoặc bị gõ sai."
      backLabel="Quay lại trang tìm kiếm"
    />
  );
}
