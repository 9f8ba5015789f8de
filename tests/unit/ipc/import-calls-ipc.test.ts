// importCalls and chooseImportSources through the validated dispatcher: well-formed requests reach the
// import session, malformed ones are refused in one line naming the field and never reach it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipcArgsSchemas, describeIssues } from '../../../src/main/ipc/schemas';

function refusal(method: 'importCalls' | 'chooseImportSources', args: unknown[]): string | null {
  const parsed = ipcArgsSchemas[method].safeParse(args);
  return parsed.success ? null : describeIssues(parsed.error.issues);
}

describe('importCalls arguments', () => {
  it('takes absolute paths with an optional agent channel and name', () => {
    assert.equal(refusal('importCalls', [{ paths: ['/calls/monday', '/calls/a.wav'] }]), null);
    assert.equal(refusal('importCalls', [{ paths: ['/calls/a.wav'], agentChannel: 'right', agentName: 'Robin' }]), null);
  });

  const malformed: ReadonlyArray<[what: string, args: unknown[], mentions: RegExp]> = [
    ['no paths', [{ paths: [] }], /argument 1\.paths: must name at least one file or folder/],
    ['a relative path', [{ paths: ['calls/a.wav'] }], /argument 1\.paths\.0: must be an absolute path/],
    ['a NUL in a path', [{ paths: ['/calls/a\0.wav'] }], /must not contain NUL/],
    ['a string instead of a list', [{ paths: '/calls' }], /argument 1\.paths/],
    ['an unknown channel', [{ paths: ['/calls'], agentChannel: 'both' }], /argument 1\.agentChannel/],
    ['a name over two lines', [{ paths: ['/calls'], agentName: 'Rob\nin' }], /argument 1\.agentName: must be one line/],
    ['an unexpected field', [{ paths: ['/calls'], deleteAfter: true }], /Unrecognized key: "deleteAfter"/],
    ['an extra argument', [{ paths: ['/calls'] }, 'more'], /expected at most 1 argument/],
  ];
  for (const [what, args, mentions] of malformed) {
    it(`refuses ${what} in one line`, () => {
      const message = refusal('importCalls', args);
      assert.ok(message !== null, 'refused');
      assert.match(message, mentions);
      assert.doesNotMatch(message, /\n/);
    });
  }
});

describe('chooseImportSources arguments', () => {
  it("takes 'files' or 'folder' only", () => {
    assert.equal(refusal('chooseImportSources', ['files']), null);
    assert.equal(refusal('chooseImportSources', ['folder']), null);
    assert.match(refusal('chooseImportSources', ['archive']) ?? '', /argument 1/);
    assert.match(refusal('chooseImportSources', []) ?? '', /expected at least 1 argument/);
  });
});
