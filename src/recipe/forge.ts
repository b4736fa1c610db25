/** The GitHub or GitLab project behind a module path, and its release tarballs (pure). */

export interface Forge {
  kind: 'github' | 'gitlab';
  /** https://github.com/owner/repo */
  home: string;
  /** The repository's last path element (for GitLab archive names). */
  repo: string;
}

/** The GitHub or GitLab project a module path names, or null for other hosts. */
export function forgeOf(modulePath: string): Forge | null {
  const parts = modulePath.split('/').filter(Boolean);
  const host = parts[0];
  // A major-version suffix is part of the import path, not of the repository.
  const rest = parts.slice(1);
  if (rest.length > 0 && /^v[2-9]\d*$/.test(rest[rest.length - 1] as string)) rest.pop();
  if (host === 'github.com' && rest.length >= 2) {
    const [owner, repo] = rest as [string, string];
    return { kind: 'github', home: `https://github.com/${owner}/${repo}`, repo };
  }
  if (host === 'gitlab.com' && rest.length >= 2) {
    return { kind: 'gitlab', home: `https://gitlab.com/${rest.join('/')}`, repo: rest[rest.length - 1] as string };
  }
  return null;
}

/** The release tarball URL of a tag on a forge, with the version left as Jinja. */
export function forgeArchiveUrl(forge: Forge, tag: string): string {
  return forge.kind === 'github'
    ? `${forge.home}/archive/refs/tags/${tag}.tar.gz`
    : `${forge.home}/-/archive/${tag}/${forge.repo}-${tag}.tar.gz`;
}
