// Validates a raw IPC argument list against the method's schema, then calls the handler.
// Electron-free, so Node unit tests and the e2e harness run exactly the code main runs.

import { channelForMethod, type AttuneIpcApi, type AttuneIpcArgs, type AttuneIpcMethod, type AttuneIpcResult } from '../../shared/ipc-contract';
import type { ZodType } from 'zod';
import { describeIssues, ipcArgsSchemas } from './schemas';

/** A request that did not match the contract; its message is safe to show the caller. */
export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
}

export type IpcDispatcher = <M extends AttuneIpcMethod>(method: M, rawArgs: readonly unknown[]) => Promise<AttuneIpcResult<M>>;

export function createValidatedDispatcher(handlers: AttuneIpcApi): IpcDispatcher {
  return async <M extends AttuneIpcMethod>(method: M, rawArgs: readonly unknown[]): Promise<AttuneIpcResult<M>> => {
    const schema: ZodType<AttuneIpcArgs<M>> = ipcArgsSchemas[method];
    const parsed = schema.safeParse(rawArgs);
    if (!parsed.success) {
      // Rejecting (rather than resolving a result) keeps the contract's result types for real outcomes.
      throw new IpcValidationError(`Invalid request to ${channelForMethod(method)}: ${describeIssues(parsed.error.issues)}`);
    }
    // TypeScript cannot correlate `handlers[method]` with `AttuneIpcArgs<method>` for a generic M,
    // so this one cast restates what the mapped schema type already guarantees.
    const handler = handlers[method] as (...args: AttuneIpcArgs<M>) => Promise<AttuneIpcResult<M>>;
    return handler.apply(handlers, parsed.data);
  };
}
