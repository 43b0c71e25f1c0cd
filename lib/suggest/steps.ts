// Work written as a generator of steps (each `yield` a place where it may pause), run either
// at once or in slices between the event loop's other turns: a long build that must not hold
// up the requests of its process (lib/suggest/service.ts).

/** Steps of work yielding nothing until they return their result. */
export type Steps<T> = Generator<void, T, void>;

/** Run every step now and return the result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Run the steps in slices of about `sliceMs`, each in its own turn of the event loop
 * (`setImmediate`: after the loop has polled for I/O, so requests that arrived meanwhile are
 * handled between two slices). A step that throws rejects the promise.
 */
export async function inSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
