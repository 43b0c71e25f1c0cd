/** The id of the results list: the skip link's and the phone panel's target. */
export const RESULTS_ID = "ket-qua";

/** Brings the results into view and moves focus there, so the next Tab reaches the first result. */
export function showResults() {
  const list = document.getElementById(RESULTS_ID);
  if (!list) return;
  (list.closest("section") ?? list).scrollIntoView({ block: "start" });
  list.focus({ preventScroll: true });
}
