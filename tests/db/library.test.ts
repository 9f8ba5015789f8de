// openLibrary on real folders in a temp dir: it creates what is missing, opens the database in WAL
// mode with the schema migrated, keeps calls across reopenings and concurrent openers, and turns an
// unusable folder, a newer database or a corrupt file into one LibraryError line.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openLibrary, LIBRARY_DATABASE_FILE } from '../../src/main/library/library';
import { describeFolderProblem, LibraryError, type LibraryErrorCode } from '../../src/main/library/library-error';
import { getCall, insertCall, listCalls } from '../../src/main/store/calls-repository';
import { latestSchemaVersion, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { sampleCall } from './store-fixtures';

const root = mkdtempSync(join(tmpdir(), 'attune-library-test-'));
after(() => rmSync(root, { recursive: true, force: true }));
let folderCount = 0;
function freshFolder(): string {
  folderCount += 1;
  return join(root, `library-${folderCount}`);
}

function assertLibraryError(open: () => unknown, code: LibraryErrorCode, pattern: RegExp): void {
  assert.throws(open, (error: unknown) => {
    assert.ok(error instanceof LibraryError, `expected a LibraryError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('openLibrary', () => {
  it('creates the folder (with parents) and recordings/, and migrates a new database', () => {
    const dataDir = join(freshFolder(), 'nested', 'Attune');
    const library = openLibrary(dataDir);
    try {
      assert.equal(library.dataDir, dataDir);
      assert.equal(library.recordingsDir, join(dataDir, 'recordings'));
      assert.ok(statSync(library.recordingsDir).isDirectory());
      assert.ok(existsSync(join(dataDir, LIBRARY_DATABASE_FILE)));
      assert.equal(schemaVersion(library.db), latestSchemaVersion());
      assert.equal(library.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(library.db.pragma('busy_timeout', { simple: true }), 5_000);
    } finally {
      library.close();
    }
  });

  it('uses WAL: the journal mode is wal and a write goes to attune.sqlite3-wal', () => {
    const dataDir = freshFolder();
    const library = openLibrary(dataDir);
    try {
      assert.equal(library.db.pragma('journal_mode', { simple: true }), 'wal');
      insertCall(library.db, sampleCall());
      assert.ok(statSync(join(dataDir, `${LIBRARY_DATABASE_FILE}-wal`)).size > 0);
    } finally {
      library.close();
    }
    // WAL is a property of the file: a plain connection sees it too.
    const plain = new Database(join(dataDir, LIBRARY_DATABASE_FILE), { readonly: true });
    assert.equal(plain.pragma('journal_mode', { simple: true }), 'wal');
    plain.close();
  });

  it('keeps stored calls across close and reopen, and close() twice is harmless', () => {
    const dataDir = freshFolder();
    const first = openLibrary(dataDir);
    const id = insertCall(first.db, sampleCall());
    first.close();
    first.close();
    assert.equal(first.db.open, false);
    const second = openLibrary(dataDir);
    try {
      assert.deepStrictEqual(getCall(second.db, id), { ...sampleCall(), id });
    } finally {
      second.close();
    }
  });

  it('lets two openers (the app and `attune`) use one library at once', () => {
    const dataDir = freshFolder();
    const app = openLibrary(dataDir);
    const cli = openLibrary(dataDir);
    try {
      insertCall(app.db, sampleCall({ recordingKey: 'from-app' }));
      insertCall(cli.db, sampleCall({ recordingKey: 'from-cli', startedAt: '2026-12-02T00:00:00.000Z' }));
      assert.deepEqual(listCalls(app.db).map((row) => row.startedAt), ['2026-12-02T00:00:00.000Z', sampleCall().startedAt]);
    } finally {
      app.close();
      cli.close();
    }
  });

  it('refuses a folder under a regular file (ENOTDIR) with one line', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    assertLibraryError(() => openLibrary(join(file, 'Attune')), 'folder-unusable', /cannot use the library folder .*a-file.*a file is in the way/);
  });

  it('refuses a library path that is itself a regular file', () => {
    const file = join(root, 'another-file');
    writeFileSync(file, '');
    assertLibraryError(() => openLibrary(file), 'folder-unusable', /a file is in the way/);
  });

  it('refuses a folder whose database file cannot be opened (a folder in its place)', () => {
    const dataDir = freshFolder();
    mkdirSync(join(dataDir, LIBRARY_DATABASE_FILE), { recursive: true });
    assertLibraryError(() => openLibrary(dataDir), 'folder-unusable', /database file attune\.sqlite3 cannot be opened or created/);
  });

  it('refuses a folder without write permission', { skip: process.getuid?.() === 0 ? 'runs as root, for whom permissions do not apply' : false }, () => {
    const dataDir = freshFolder();
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o500);
    try {
      assertLibraryError(() => openLibrary(join(dataDir, 'Attune')), 'folder-unusable', /permission denied/);
    } finally {
      chmodSync(dataDir, 0o700);
    }
  });

  it('refuses a database written by a newer Attune, and leaves it untouched', () => {
    const dataDir = freshFolder();
    openLibrary(dataDir).close();
    const future = latestSchemaVersion() + 5;
    const raw = new Database(join(dataDir, LIBRARY_DATABASE_FILE));
    raw.pragma(`user_version = ${future}`);
    raw.close();
    assertLibraryError(() => openLibrary(dataDir), 'newer-database', new RegExp(`newer version of Attune \\(database version ${future}, this one reads up to ${latestSchemaVersion()}\\): update Attune`));
    const after = new Database(join(dataDir, LIBRARY_DATABASE_FILE), { readonly: true });
    assert.equal(after.pragma('user_version', { simple: true }), future);
    after.close();
  });

  it('refuses a file that is not a database, and leaves it for the user to look at', () => {
    const dataDir = freshFolder();
    mkdirSync(dataDir);
    const content = 'These are my notes, not an SQLite file.\n'.repeat(200);
    writeFileSync(join(dataDir, LIBRARY_DATABASE_FILE), content);
    assertLibraryError(() => openLibrary(dataDir), 'corrupt-database', /attune\.sqlite3 is not a database Attune can read .*move it elsewhere/);
    assert.equal(statSync(join(dataDir, LIBRARY_DATABASE_FILE)).size, content.length);
  });
});

describe('describeFolderProblem', () => {
  // The conditions a test cannot create as root or without filling a disk: the codes they surface as.
  it('words the codes a full, read-only or forbidden folder reports', () => {
    assert.deepEqual(describeFolderProblem('EACCES'), { reason: 'permission denied', code: 'folder-unusable' });
    assert.deepEqual(describeFolderProblem('EPERM'), { reason: 'permission denied', code: 'folder-unusable' });
    assert.deepEqual(describeFolderProblem('EROFS'), { reason: 'the disk is read-only', code: 'folder-unusable' });
    assert.deepEqual(describeFolderProblem('ENOSPC'), { reason: 'the disk is full', code: 'disk-full' });
    assert.deepEqual(describeFolderProblem('SQLITE_FULL'), { reason: 'the disk is full', code: 'disk-full' });
    assert.deepEqual(describeFolderProblem('SQLITE_READONLY'), { reason: 'permission denied', code: 'folder-unusable' });
    assert.equal(describeFolderProblem('SQLITE_CONSTRAINT'), undefined);
  });
});
