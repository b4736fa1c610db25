/**
 * A file system error that reached the CLI is an ordinary mistake or a machine problem, never a
 * bug: a directory where a file belongs, a missing folder, a file in the way, no permission, a
 * full disk. Each becomes one paragraph naming the path and what to do (exit 2 or 3).
 */
import { environmentError, type GocrossError, usageError } from '../errors.js';

interface SystemError {
  code?: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

const isSystemError = (error: unknown): error is Error & SystemError => error instanceof Error && typeof (error as SystemError).code === 'string';

export function fileSystemError(error: unknown): GocrossError | undefined {
  if (!isSystemError(error)) return undefined;
  // A rename names its source first; the destination is the path the user chose.
  const path = error.dest ?? error.path;
  if (!path) return undefined;
  const writing = error.syscall !== 'open' && error.syscall !== 'scandir' && error.syscall !== 'stat' ? 'write' : 'use';
  switch (error.code) {
    case 'EISDIR':
      return usageError('fs.is-directory', `${path} is a directory, where a file is expected.`, { hint: 'name a file path (inside that directory if you like), not the directory itself' });
    case 'ENOTDIR':
      return usageError('fs.not-directory', `${path} cannot be used: a part of that path is a file, where a directory is expected.`, { hint: 'choose a path whose folders are folders, or move the file away' });
    case 'ENOENT':
      return usageError('fs.missing', `cannot ${writing} ${path}: it or the folder it goes in does not exist.`, { hint: 'create the folder first (mkdir -p), or choose a path that exists' });
    case 'EEXIST':
      return usageError('fs.exists', `cannot create ${path}: a file of that name is in the way.`, { hint: 'move that file away, or choose another path' });
    case 'EACCES':
    case 'EPERM':
      return environmentError('fs.permission', `cannot ${writing} ${path}: permission denied.`, { hint: 'choose a path you can write, or fix its permissions' });
    case 'EROFS':
      return environmentError('fs.read-only', `cannot write ${path}: the file system is read-only.`, { hint: 'choose a path on a writable file system' });
    case 'ENOSPC':
    case 'EDQUOT':
      return environmentError('fs.full', `no space left on the device while writing ${path}.`, { hint: 'free some disk space, or write to another disk' });
    default:
      return undefined;
  }
}
