// The outcomes service behind the IPC handlers: a gone call is a one-line refusal, an unusable CSV is
// `{ ok: false }` with its one line, an unexpected failure is logged and hidden, and the trends report
// covers the query's calls with the full agent list.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { insertCall } from '../../src/main/store/calls-repository';
import { CALL_GONE_ERROR, UNEXPECTED_OUTCOMES_IMPORT_ERROR, createOutcomesService } from '../../src/main/services/outcomes-service';
import { EMPTY_CALL_OUTCOME } from '../../src/shared/outcomes';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

const NOW = '2026-12-01T15:00:00.000Z';

describe('outcomes service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-outcomes-service-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves an outcome with the injected time, and refuses a call that is gone in one line', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const service = createOutcomesService({ db, now: () => NOW });
    assert.deepEqual(service.set(callId, { ...EMPTY_CALL_OUTCOME, csat: 3 }), {
      ok: true,
      record: { callId, outcome: { ...EMPTY_CALL_OUTCOME, csat: 3 }, updatedAt: NOW },
    });
    assert.deepEqual(service.get(callId)?.updatedAt, NOW);
    assert.deepEqual(service.set(callId + 1, { ...EMPTY_CALL_OUTCOME, csat: 3 }), { ok: false, error: CALL_GONE_ERROR });
    assert.equal(service.get(callId + 1), null);
    assert.equal(service.customerHistory(callId + 1), null);
  });

  it('imports a CSV, turns an unusable file into { ok: false } with its line, and hides unexpected failures behind a logged message', async () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const logged: string[] = [];
    const service = createOutcomesService({ db, now: () => NOW, logError: (message) => logged.push(message) });
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'start,agent,csat\n2026-12-01T10:00:30Z,Dana,5\n');
    assert.deepEqual(await service.importCsv(good), { ok: true, summary: { rows: 1, matched: 1, problems: [] } });
    assert.equal(service.get(callId)?.outcome.csat, 5);

    const folder = join(dir, 'a-folder.csv');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    assert.deepEqual(await service.importCsv(folder), { ok: false, error: `${folder} is a folder; give the outcomes CSV file.` });
    assert.deepEqual(logged, []);

    db.close();
    assert.deepEqual(await service.importCsv(good), { ok: false, error: UNEXPECTED_OUTCOMES_IMPORT_ERROR });
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /importing outcomes from .*good\.csv failed unexpectedly/);
  });

  it('builds the trends report over the query, with every agent in the picker', () => {
    const db = migratedMemoryDb();
    insertCall(db, sampleCall({ recordingKey: 'a', agentName: 'Dana', startedAt: '2026-11-30T10:00:00.000Z' }));
    insertCall(db, sampleCall({ recordingKey: 'b', agentName: 'Lee', startedAt: '2026-12-01T10:00:00.000Z' }));
    const report = createOutcomesService({ db }).trends({ agentName: 'Lee' });
    assert.deepEqual(report.agentNames, ['Dana', 'Lee']);
    assert.equal(report.calls, 1);
    assert.deepEqual(report.agents.map((agent) => [agent.agentName, agent.weeks.map((week) => week.weekStart)]), [['Lee', ['2026-11-30']]]);
    assert.equal(typeof report.agents[0]?.weeks[0]?.listeningScore, 'number');
  });
});
