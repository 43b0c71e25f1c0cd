import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntList } from "@/lib/search/int-list";

describe("IntList", () => {
  it("gives back what was pushed, in order, across growths from a tiny capacity", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (values, capacity) => {
        const list = new IntList(capacity);
        for (const v of values) list.push(v);
        expect(list.length).toBe(values.length);
        expect(list.toArray()).toEqual(values);
        expect(Array.from(list.items.subarray(0, list.length))).toEqual(values);
      }),
    );
  });

  it("reused after clear: a short list after a long one holds only its own values, the storage kept", () => {
    const list = new IntList(2);
    for (let i = 0; i < 100; i++) list.push(i);
    const storage = list.items;
    list.clear();
    list.push(7);
    list.push(8);
    expect(list.toArray()).toEqual([7, 8]);
    expect(list.items).toBe(storage);
  });

  it("grow keeps the values and gives room for at least the need", () => {
    const list = new IntList(1);
    list.push(5);
    list.grow(50);
    expect(list.items.length).toBeGreaterThanOrEqual(50);
    expect(list.toArray()).toEqual([5]);
  });
});
