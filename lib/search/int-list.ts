// A list of article numbers kept in one typed array and reused query after query: the per-query
// lists of the scoring passes (articles touched, met, members) as `number[]` were grown anew by
// every query and were about half of what a query left to the GC (fast24's count).

/** Int32 values pushed in order, read back through `items` below `length`; `clear` keeps the storage. */
export class IntList {
  items: Int32Array;
  length: number;

  constructor(capacity = 1024) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.length = 0;
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow(this.length + 1);
    this.items[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }

  /** Room for `need` values in all, the values so far kept (doubling, so pushes stay amortised O(1)). */
  grow(need: number): void {
    if (need <= this.items.length) return;
    const next = new Int32Array(Math.max(need, 2 * this.items.length));
    next.set(this.items.subarray(0, this.length));
    this.items = next;
  }

  /** The values as a plain array (a copy): for the callers that keep or filter them. */
  toArray(): number[] {
    const out = new Array<number>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.items[i];
    return out;
  }
}
