// Zod schemas for every IPC method's argument list: main trusts nothing the renderer sends.

import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { AttuneIpcArgs, AttuneIpcMethod } from '../../shared/ipc-contract';

export const analyzeCallFileRequestSchema = z.strictObject({
  path: z
    .string()
    .min(1, 'must not be empty')
    // The renderer only ever has absolute paths (dialog or drop); anything else is a bug or an attack.
    .refine((path) => isAbsolute(path), 'must be an absolute file path')
    .refine((path) => !path.includes('\0'), 'must not contain NUL characters'),
  agentChannel: z.enum(['left', 'right']).optional(),
});

/**
 * One tuple schema per contract method, validating the whole argument list (so extra arguments are
 * rejected too). The mapped type makes a missing method, or a schema whose output disagrees with the
 * contract's parameter types, a compile error.
 */
export const ipcArgsSchemas: { readonly [M in AttuneIpcMethod]: z.ZodType<AttuneIpcArgs<M>> } = {
  analyzeCallFile: z.tuple([analyzeCallFileRequestSchema]),
  chooseCallFile: z.tuple([]),
};

/** Renders zod issues as one line: `request.path: must be an absolute file path; …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      // Arity problems are about the whole argument list; zod words them as array sizes.
      if (issue.path.length === 0 && issue.code === 'too_big') return `expected at most ${String(issue.maximum)} argument(s)`;
      if (issue.path.length === 0 && issue.code === 'too_small') return `expected at least ${String(issue.minimum)} argument(s)`;
      const [argumentIndex, ...rest] = issue.path;
      const where =
        argumentIndex === undefined
          ? 'arguments'
          : [typeof argumentIndex === 'number' ? `argument ${argumentIndex + 1}` : String(argumentIndex), ...rest.map(String)].join('.');
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
