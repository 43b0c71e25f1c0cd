/** Number of set bits: query words are tracked as bit masks (one bit per word). */
export function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
