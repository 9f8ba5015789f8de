// Exhaustiveness check for switches over tagged unions: a new tag becomes a compile error here.

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
