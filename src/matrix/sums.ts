/** DIR/SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <name>`, sorted by name (pure). */

export interface SumEntry {
  name: string;
  sha256: string;
}

export function renderSums(entries: readonly SumEntry[]): string {
  // Sorted by code point, not locale: the same names give the same bytes on every machine.
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((e) => `${e.sha256}  ${e.name}\n`).join('');
}
