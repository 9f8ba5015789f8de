// Ends exhaustive switches over tagged unions: a new tag that is not handled fails to compile.

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
