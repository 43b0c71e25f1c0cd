/**
 * A dynamic segment as a page receives it: Next hands pages the segment still
 * percent-encoded (route handlers get it decoded), so an id like "bài viết 1" arrives as
 * "b%C3%A0i%20vi%E1%BA%BFt%201". Undecodable input is kept as it came.
 */
export function decodePathParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
