/** Package versions from git tags, in the form conda accepts. */

export { type TagVersion, versionFromTag } from '../gomodule/version.js';

/** conda versions may not contain '-' or spaces (conda-build rejects them); null when valid. */
export function condaVersionProblem(version: string): string | null {
  if (version === '') return 'it is empty';
  if (version.includes('-')) return "it contains '-', which conda versions may not";
  if (!/^[A-Za-z0-9_.+!]+$/.test(version)) return 'it may contain only letters, digits and . _ + !';
  return null;
}
