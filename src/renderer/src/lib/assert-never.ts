// The renderer's name for the shared exhaustiveness check (src/shared/assert-never.ts).

export { assertNever } from '../../../shared/assert-never';
