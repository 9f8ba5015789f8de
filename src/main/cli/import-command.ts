// `attune import`: imports files and folders into the library, printing one line per file on stdout as
// soon as it is done (imported / duplicate / failed, with the reason), then a summary line. With
// --json each of those lines is a JSON object instead. Exit status 1 when any file failed; a duplicate
// is not a failure (the call is already in the library), so re-importing a folder is safe in scripts.

import type { Library } from '../library/library';
import { importCalls, type ImportOutcome, type ImportSummary } from '../services/call-import';
import type { AgentChannel } from '../services/call-file-analysis';
import { formatClock } from './report-format';

export interface ImportCommand {
  inputs: string[];
  agentChannel: AgentChannel;
  agentName: string;
  json: boolean;
}

export async function runImportCommand(command: ImportCommand, library: Library, io: { stdout: { write(text: string): unknown } }): Promise<number> {
  const summary = await importCalls(library, command.inputs, { agentChannel: command.agentChannel, agentName: command.agentName }, (outcome, index, total) => {
    io.stdout.write(command.json ? `${JSON.stringify(outcomeJson(outcome))}\n` : `${outcomeLine(outcome, index, total)}\n`);
  });
  io.stdout.write(command.json ? `${JSON.stringify({ type: 'summary', ...summary })}\n` : `${summaryLine(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}

export function outcomeJson(outcome: ImportOutcome): unknown {
  switch (outcome.status) {
    case 'imported': {
      const { metrics } = outcome;
      return {
        type: 'file',
        status: 'imported',
        path: outcome.path,
        callId: outcome.callId,
        format: outcome.format,
        startedAt: outcome.startedAt,
        durationMs: outcome.durationMs,
        talkRatio: metrics.talkRatio,
        interruptions: { agent: metrics.agent.interruptions, customer: metrics.customer.interruptions },
        recordingPath: outcome.recordingPath,
        damagedFrames: outcome.damagedFrames,
      };
    }
    case 'duplicate':
      return { type: 'file', status: 'duplicate', path: outcome.path, callId: outcome.callId, reason: outcome.reason };
    case 'failed':
      return { type: 'file', status: 'failed', path: outcome.path, reason: outcome.reason };
    default: {
      const unreachable: never = outcome;
      throw new Error(`unhandled outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

export function outcomeLine(outcome: ImportOutcome, index: number, total: number): string {
  const counter = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
  switch (outcome.status) {
    case 'imported': {
      const { metrics } = outcome;
      return (
        `${counter} imported   ${outcome.path}: call ${outcome.callId}, ${formatClock(outcome.durationMs)}, ` +
        `agent talk ${Math.round(metrics.talkRatio * 100)} %, interrupted by agent/customer ${metrics.agent.interruptions}/${metrics.customer.interruptions}` +
        (outcome.damagedFrames > 0 ? ` (${outcome.damagedFrames} damaged frame${outcome.damagedFrames === 1 ? '' : 's'} skipped: times after them are early)` : '')
      );
    }
    case 'duplicate':
      return `${counter} duplicate  ${outcome.path}: ${outcome.reason}`;
    case 'failed':
      return `${counter} failed     ${outcome.path}: ${outcome.reason}`;
    default: {
      const unreachable: never = outcome;
      throw new Error(`unhandled outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

export function summaryLine(summary: ImportSummary): string {
  const total = summary.imported + summary.duplicates + summary.failed;
  if (total === 0) return 'Nothing to import.';
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(total, 'file')}: ${summary.imported} imported, ${plural(summary.duplicates, 'duplicate')}, ${summary.failed} failed`;
}
