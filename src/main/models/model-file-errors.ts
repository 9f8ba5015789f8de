// File-system failures while downloading or unpacking a model, said in words a person can act on
// (a full disk, a folder they may not write to) instead of an errno.

export function describeFileError(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding ${where} is full`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write to ${where}`;
    case 'EROFS':
      return `${where} is on a read-only disk`;
    case 'ENOENT':
      return `${where} does not exist`;
    case 'ENOTDIR':
      return `part of ${where} is a file, not a folder`;
    default:
      return `${where}: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
}
