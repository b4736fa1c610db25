/** The image's source label: the git remote as an https URL, else what the module path implies. */

/** `git@host:owner/repo.git`, `ssh://git@host/owner/repo`, `https://user@host/owner/repo.git` → `https://host/owner/repo`. */
export function httpsFromRemote(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([\w.-]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(text);
  if (url) return `https://${url[1]}/${url[2]}`;
  return undefined;
}

/** Hosts whose module paths are `host/owner/repo[/sub…]`, so the repository URL follows. */
const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'git.sr.ht']);

export function httpsFromModule(modulePath: string): string | undefined {
  const [host, owner, repo] = modulePath.split('/');
  if (!host || !owner || !repo || !CODE_HOSTS.has(host)) return undefined;
  return `https://${host}/${owner}/${repo}`;
}

export function sourceUrl(modulePath: string, remote: string | undefined): string | undefined {
  return (remote === undefined ? undefined : httpsFromRemote(remote)) ?? httpsFromModule(modulePath);
}
