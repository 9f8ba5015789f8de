// The one error type for "the library folder can't be used": its message is a single user-facing
// line the app shows and the CLI prints as-is. `code` lets callers react to the kind, not the wording.

export type LibraryErrorCode =
  /** The folder or the database file cannot be created or written (permissions, read-only disk, a file in the way). */
  | 'folder-unusable'
  /** The disk is full. */
  | 'disk-full'
  /** The database was written by a newer Attune with a schema this version does not know. */
  | 'newer-database'
  /** attune.sqlite3 exists but is not an SQLite database, or is damaged. */
  | 'corrupt-database';

export class LibraryError extends Error {
  override readonly name = 'LibraryError';

  /** `message` is one line, written for the person running Attune. */
  constructor(
    message: string,
    readonly code: LibraryErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isLibraryError(error: unknown): error is LibraryError {
  return error instanceof LibraryError;
}

/** What an fs or SQLite error code means for a folder, in words; undefined when it is not about the folder. */
export function describeFolderProblem(code: string): { reason: string; code: LibraryErrorCode } | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
      return { reason: 'permission denied', code: 'folder-unusable' };
    case 'SQLITE_CANTOPEN':
      // SQLite says no more than this: no permission, or something other than a file in the way.
      return { reason: 'the database file attune.sqlite3 cannot be opened or created', code: 'folder-unusable' };
    case 'EROFS':
      return { reason: 'the disk is read-only', code: 'folder-unusable' };
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return { reason: 'the disk is full', code: 'disk-full' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { reason: 'a file is in the way of the folder', code: 'folder-unusable' };
    case 'EISDIR':
      return { reason: 'a folder is in the way of the database file', code: 'folder-unusable' };
    case 'EIO':
    case 'SQLITE_IOERR':
      return { reason: 'the disk reported an input/output error', code: 'folder-unusable' };
    default:
      return undefined;
  }
}
