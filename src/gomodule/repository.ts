/**
 * The repository behind a module path or a git remote, as an https URL (pure): for a recipe's
 * home and release tarballs, and an image's source label.
 */

export interface Repository {
  host: string;
  /** https://github.com/owner/repo */
  home: string;
  /** The repository's last path element. */
  repo: string;
}

/** Hosts whose module paths are `host/owner/repo[/sub…]`; GitLab's groups may nest, so all of its path is the project. */
const OWNER_REPO_HOSTS = new Set(['github.com', 'bitbucket.org', 'codeberg.org', 'git.sr.ht']);

/** The repository a module path names on a known code host, or null for other hosts. */
export function repositoryOf(modulePath: string): Repository | null {
  const [host = '', ...rest] = modulePath.split('/').filter(Boolean);
  // A major-version suffix is part of the import path, not of the repository.
  if (rest.length > 0 && /^v[2-9]\d*$/.test(rest[rest.length - 1] as string)) rest.pop();
  if (rest.length < 2) return null;
  const path = host === 'gitlab.com' ? rest : OWNER_REPO_HOSTS.has(host) ? rest.slice(0, 2) : null;
  if (!path) return null;
  return { host, home: `https://${host}/${path.join('/')}`, repo: path[path.length - 1] as string };
}

/** `git@host:owner/repo.git`, `ssh://git@host/owner/repo`, `https://user@host/owner/repo.git` → `https://host/owner/repo`. */
export function httpsFromRemote(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([\w.-]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(text);
  if (url) return `https://${url[1]}/${url[2]}`;
  return undefined;
}

/** Where the source lives: the git remote as https, else what the module path implies. */
export function sourceUrl(modulePath: string, remote: string | undefined): string | undefined {
  return (remote === undefined ? undefined : httpsFromRemote(remote)) ?? repositoryOf(modulePath)?.home;
}
