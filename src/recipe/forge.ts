/** The GitHub or GitLab project behind a module path, and its release tarballs (pure). */
import { repositoryOf } from '../gomodule/repository.js';

export interface Forge {
  kind: 'github' | 'gitlab';
  /** https://github.com/owner/repo */
  home: string;
  /** The repository's last path element (for GitLab archive names). */
  repo: string;
}

/** The GitHub or GitLab project a module path names (the hosts whose tarball URLs are known), or null. */
export function forgeOf(modulePath: string): Forge | null {
  const repository = repositoryOf(modulePath);
  if (repository?.host === 'github.com') return { kind: 'github', home: repository.home, repo: repository.repo };
  if (repository?.host === 'gitlab.com') return { kind: 'gitlab', home: repository.home, repo: repository.repo };
  return null;
}

/** The release tarball URL of a tag on a forge, with the version left as Jinja. */
export function forgeArchiveUrl(forge: Forge, tag: string): string {
  return forge.kind === 'github'
    ? `${forge.home}/archive/refs/tags/${tag}.tar.gz`
    : `${forge.home}/-/archive/${tag}/${forge.repo}-${tag}.tar.gz`;
}
