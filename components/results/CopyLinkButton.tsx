"use client";

import { useState } from "react";

/** Copies the address of the results; falls back to a hidden selection where the Clipboard API is missing. */
export function CopyLinkButton() {
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  const copy = async () => {
    const url = window.location.href;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = copyBySelection(url);
    }
    setStatus(ok ? "copied" : "failed");
    setTimeout(() => setStatus(""), 4000);
  };
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded-md border border-zinc-400 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
      >
        Sao chép liên kết
      </button>
      <span role="status" className="text-sm text-green-800 dark:text-green-300">
        {status === "copied" ? "Đã sao chép liên kết" : status === "failed" ? "Không sao chép được — hãy chép địa chỉ trên thanh trình duyệt" : ""}
      </span>
    </div>
  );
}

function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
