// The outcome and trends methods' argument schemas: well-formed requests pass, and each malformed one is
// refused with a one-line reason naming the argument and field.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeIssues, ipcArgsSchemas } from '../../../src/main/ipc/schemas';
import type { AttuneIpcMethod } from '../../../src/shared/ipc-contract';

function problems(method: AttuneIpcMethod, args: unknown[]): string | null {
  const parsed = ipcArgsSchemas[method].safeParse(args);
  return parsed.success ? null : describeIssues(parsed.error.issues);
}

const outcome = { csat: 4, resolvedFirstContact: true, customerName: 'Ana Ruiz', customerAccount: 'ACC-1' };

describe('outcome and trends IPC schemas', () => {
  it('accept an outcome (any field null), the history and outcome reads, a CSV path and trend queries', () => {
    assert.equal(problems('setCallOutcome', [3, outcome]), null);
    assert.equal(problems('setCallOutcome', [3, { csat: null, resolvedFirstContact: null, customerName: null, customerAccount: null }]), null);
    assert.equal(problems('getCallOutcome', [3]), null);
    assert.equal(problems('getCustomerHistory', [3]), null);
    assert.equal(problems('chooseOutcomesCsv', []), null);
    assert.equal(problems('importOutcomesCsv', ['/exports/outcomes.csv']), null);
    assert.equal(problems('getTrends', [{}]), null);
    assert.equal(problems('getTrends', [{ agentName: 'Dana', fromDate: '2026-11-01', toDate: '2026-12-31' }]), null);
  });

  it('refuse malformed requests in one line', () => {
    const cases: [AttuneIpcMethod, unknown[], RegExp][] = [
      ['setCallOutcome', [3, { ...outcome, csat: 6 }], /argument 2\.csat: must be a whole number from 1 to 5/],
      ['setCallOutcome', [3, { ...outcome, csat: 4.5 }], /argument 2\.csat/],
      ['setCallOutcome', [3, { ...outcome, resolvedFirstContact: 'yes' }], /argument 2\.resolvedFirstContact/],
      ['setCallOutcome', [3, { ...outcome, customerName: 'Ana\nRuiz' }], /argument 2\.customerName: must be one line/],
      ['setCallOutcome', [3, { ...outcome, customerAccount: 'x'.repeat(201) }], /argument 2\.customerAccount: must be at most 200 characters/],
      ['setCallOutcome', [3, { csat: 4 }], /argument 2\.resolvedFirstContact/],
      ['setCallOutcome', [3, { ...outcome, notes: 'extra' }], /argument 2: Unrecognized key/],
      ['setCallOutcome', [0, outcome], /argument 1: must be a positive call id/],
      ['getCustomerHistory', ['3'], /argument 1/],
      ['importOutcomesCsv', ['outcomes.csv'], /argument 1: must be an absolute path/],
      ['importOutcomesCsv', ['/a\0b.csv'], /must not contain NUL/],
      ['chooseOutcomesCsv', ['/etc/passwd'], /expected at most 0 argument/],
      ['getTrends', [], /expected at least 1 argument/],
      ['getTrends', [{ fromDate: '01/12/2026' }], /argument 1\.fromDate: must be a date like 2026-12-01/],
      ['getTrends', [{ toDate: '2026-02-30' }], /argument 1\.toDate: must be a real date/],
      ['getTrends', [{ agent: 'Dana' }], /argument 1: Unrecognized key/],
    ];
    for (const [method, args, mentions] of cases) {
      const problem = problems(method, args);
      assert.ok(problem !== null, `${method} ${JSON.stringify(args)} was accepted`);
      assert.match(problem, mentions);
      assert.ok(!problem.includes('\n'), problem);
    }
  });
});
