/** Package versions from git tags, in the form conda accepts. */

export interface TagVersion {
  version: string;
  /** What the tag has before the version: "v" for v1.2.3. */
  prefix: string;
}

/** v1.2.3 → {version 1.2.3, prefix v}; release-2.0 → {2.0, release-}; null when no digits lead. */
export function versionFromTag(tag: string): TagVersion | null {
  const match = /^(\D*?)(\d[\w.+!-]*)$/.exec(tag.trim());
  if (!match) return null;
  return { prefix: match[1] as string, version: match[2] as string };
}

/** conda versions may not contain '-' or spaces (conda-build rejects them); null when valid. */
export function condaVersionProblem(version: string): string | null {
  if (version === '') return 'it is empty';
  if (version.includes('-')) return "it contains '-', which conda versions may not";
  if (!/^[A-Za-z0-9_.+!]+$/.test(version)) return 'it may contain only letters, digits and . _ + !';
  return null;
}
