// Arrays of one hidden class for the person pass's hot code (issue #16's build cost, cost33).
//
// V8's optimised `Array.prototype.map` makes a holey array where the interpreter's makes a
// packed one: an array made by `map` changes hidden class once the function making it is
// optimised, and every optimised read of it (in that function or another) that had only seen
// the packed class deopts ("wrong map") and is compiled again, one read at a time. Pushing onto
// a fresh `[]` makes a packed array in every tier.

/** `xs.map(f)` as a packed array whichever tier runs it (see above). */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]));
  return out;
}
