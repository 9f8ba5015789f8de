// Shared by the live call service tests: a real library in a temp folder for the test file, and a live
// call service on it at a fixed clock that keeps what it broadcast and logged.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { openLibrary, type Library } from '../../../src/main/library/library';
import type { RecordingFs } from '../../../src/main/recording/recording-fs';
import { createLiveCallService } from '../../../src/main/services/live-call-service';
import type { LiveEvent, LiveUpdate } from '../../../src/shared/live';

/** Opens a library in a new temp folder before the file's tests, closes and removes it after; the getter returns it. */
export function tempLiveLibrary(prefix: string): () => Library {
  let dir = '';
  let library: Library | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    library = openLibrary(dir);
  });
  after(async () => {
    library?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (library === undefined) throw new Error('the test library is opened before the tests');
    return library;
  };
}

/** A live call service storing into `library`, its clock at 2026-12-01 09:00 UTC. */
export function newLiveService(library: Library, recordingFs?: RecordingFs) {
  const updates: LiveUpdate[] = [];
  const logged: string[] = [];
  const service = createLiveCallService({
    library,
    broadcast: (update) => updates.push(update),
    logError: (message) => logged.push(message),
    now: () => new Date('2026-12-01T09:00:00.000Z'),
    ...(recordingFs === undefined ? {} : { recordingFs }),
  });
  const events = <T extends LiveEvent['type']>(type: T) => updates.filter((u): u is Extract<LiveEvent, { type: T }> => u.type === type);
  return { service, updates, logged, events };
}
