// Child-process entry (run with `node --import tsx`): ensures the call fixtures and prints one as JSON.

import { ensureCallFixtures } from '../../fixtures/call-fixtures';

const id = process.argv[2] ?? '';
ensureCallFixtures().then(
  (fixtures) => {
    const fixture = fixtures.find((f) => f.id === id);
    if (!fixture) throw new Error(`no call fixture "${id}"; have: ${fixtures.map((f) => f.id).join(', ')}`);
    process.stdout.write(JSON.stringify({ wavPath: fixture.wavPath }));
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
