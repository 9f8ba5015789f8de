// Imported calls: the call and where it came from, stored in one transaction, and the look-up that
// refuses the same file twice (by the SHA-256 of its bytes, whatever it is called now).

import type { NewCall } from '../../shared/calls';
import type { AgentChannel } from '../services/call-file-analysis';
import { insertCall } from './calls-repository';
import type { SqliteDatabase } from './database';

export type ImportedFormat = 'wav' | 'mp3' | 'ogg-opus' | 'ogg-vorbis';

export interface CallImportSource {
  /** Absolute path of the imported file. */
  sourcePath: string;
  sourceFormat: ImportedFormat;
  agentChannel: AgentChannel;
  /** Lower-case hex SHA-256 of the file's bytes. */
  contentSha256: string;
  /** ISO 8601, UTC. */
  importedAt: string;
}

/** An earlier import of the same bytes. */
export interface PreviousImport {
  callId: number;
  sourcePath: string;
}

/** The call a file with these bytes was imported as, or null. */
export function findImportBySha256(db: SqliteDatabase, contentSha256: string): PreviousImport | null {
  const row = db.prepare('SELECT call_id, source_path FROM call_imports WHERE content_sha256 = ?').get(contentSha256) as
    | { call_id: number; source_path: string }
    | undefined;
  return row === undefined ? null : { callId: row.call_id, sourcePath: row.source_path };
}

/** Where a stored call was imported from, or null for a live or recovered call. */
export function getCallImportSource(db: SqliteDatabase, callId: number): CallImportSource | null {
  const row = db
    .prepare('SELECT source_path, source_format, agent_channel, content_sha256, imported_at FROM call_imports WHERE call_id = ?')
    .get(callId) as { source_path: string; source_format: string; agent_channel: string; content_sha256: string; imported_at: string } | undefined;
  if (row === undefined) return null;
  return {
    sourcePath: row.source_path,
    sourceFormat: row.source_format as ImportedFormat,
    agentChannel: row.agent_channel as AgentChannel,
    contentSha256: row.content_sha256,
    importedAt: row.imported_at,
  };
}

/**
 * Stores an imported call (source 'import') and its origin in one transaction; returns the call id.
 * Throws CallAlreadyStoredError (same recording key) or a UNIQUE failure on the hash when another
 * process imported the same file in the meantime; then nothing is stored.
 */
export function insertImportedCall(db: SqliteDatabase, call: NewCall, source: CallImportSource): number {
  const insert = db.transaction((): number => {
    const callId = insertCall(db, call);
    db.prepare(
      `INSERT INTO call_imports (call_id, source_path, source_format, agent_channel, content_sha256, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(callId, source.sourcePath, source.sourceFormat, source.agentChannel, source.contentSha256, source.importedAt);
    return callId;
  });
  return insert.immediate();
}
