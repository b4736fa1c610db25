/** The release a module checkout is at, from its git tags. */
import { exactTag, reachableTag } from '../io/git.js';

/** The newest tag reachable from HEAD and whether HEAD is exactly at it; null when there is none or no git. */
export async function latestTag(dir: string): Promise<{ tag: string; exact: boolean } | null> {
  const tag = await reachableTag(dir);
  if (tag === undefined) return null;
  return { tag, exact: (await exactTag(dir)) === tag };
}
