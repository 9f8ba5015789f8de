// The real `attune` bin, spawned as a user runs it, for the CLI tests: always with its own library
// folder (ATTUNE_DATA_DIR), since every command may look for unfinished calls there, never in the user's.

import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';

const BIN = resolve(__dirname, '../../../bin/attune.cjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** env: extra variables for the run (e.g. ATTUNE_MODEL_MANIFEST). */
export interface RunOptions {
  dataDir: string;
  env?: Record<string, string>;
}

/** Starts `attune <args>` with stdout and stderr piped, for a test that reads them as they come. */
export function spawnAttune(args: readonly string[], options: RunOptions): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env, ATTUNE_DATA_DIR: options.dataDir } });
}

/** Runs `attune <args>` to the end and collects its exit code and output. */
export function runAttune(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawnAttune(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A user error: exit status, exactly one stderr line starting "attune: ", no stack, nothing on stdout. */
export function assertUserError(result: RunResult, exitCode: number, pattern: RegExp): void {
  assert.equal(result.code, exitCode, `stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, `stderr was: ${result.stderr}`);
  assert.match(lines[0] ?? '', /^attune: /);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /\bat .*:\d+:\d+|Error:/);
}
