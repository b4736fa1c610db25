// What a directory holds, line by line, for comparing two unpacked trees.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every entry under `dir` with its mode (and a file's size, mtime and sha256), relative to `dir`. */
export function tree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const stats = statSync(join(dir, rel));
    if (stats.isDirectory()) out.push(`d ${(stats.mode & 0o7777).toString(8)} ${rel}`, ...tree(dir, rel));
    else out.push(`f ${(stats.mode & 0o7777).toString(8)} ${rel} ${stats.size} ${Math.floor(stats.mtimeMs / 1000)} ${createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex')}`);
  }
  return out;
}
