/** The mark of a file gocross wrote: it stands in the file's first lines; a file without it is never overwritten. */
export const MARKER = 'gocross-managed';

/** A file gocross wrote carries the marker in its first lines. */
export const isOurs = (text: string): boolean => text.split('\n', 4).some((line) => line.includes(MARKER));
