/**
 * A release's version, the same for `build` (main.version), `dockerfile` (VERSION) and `recipe`
 * (the package version): `--version`, else the git tag at HEAD without what precedes its digits.
 */

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

export interface ReleaseVersion {
  version: string;
  /** Where it came from, for messages. */
  from: string;
}

/** `--version`, else the version of the tag at HEAD; undefined when there is neither. */
export function releaseVersion(explicit: string | undefined, tagAtHead: string | undefined): ReleaseVersion | undefined {
  if (explicit !== undefined && explicit !== '') return { version: explicit, from: '--version' };
  const fromTag = tagAtHead === undefined ? null : versionFromTag(tagAtHead);
  return fromTag ? { version: fromTag.version, from: `the git tag ${tagAtHead} at HEAD` } : undefined;
}
