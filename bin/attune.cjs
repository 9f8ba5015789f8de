#!/usr/bin/env node
// Launcher for the `attune` CLI: runs the TypeScript sources through tsx (a runtime dependency), so
// `npx attune …` works straight after `npm install`, with no build step.
'use strict';

const path = require('node:path');
const { register } = require('tsx/cjs/api');

// A namespaced registration compiles only what we load through it, and leaves the caller's require alone.
const tsx = register({ namespace: 'attune-cli' });
const { runCli } = tsx.require(path.join(__dirname, '..', 'src', 'main', 'cli', 'attune.ts'), __filename);

// Ctrl-C asks `attune live` to stop and store what it played; a second Ctrl-C ends at once. So does a
// reader that went away (`attune live … --events | head`): the call is stored, the rest unprinted.
// Other commands keep Node's default for Ctrl-C and end quietly when their reader goes away.
const isLive = process.argv[2] === 'live';
// `attune models download` too: Ctrl-C stops the download and keeps what it fetched, to resume later.
const isDownload = process.argv[2] === 'models' && process.argv[3] === 'download';
let stopLive = () => {};
const interrupted = isLive || isDownload
  ? new Promise((resolve) => {
      stopLive = resolve;
      process.once('SIGINT', () => {
        resolve();
        process.once('SIGINT', () => process.exit(130));
      });
    })
  : undefined;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  if (isLive) stopLive();
  else process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, interrupted }).then((exitCode) => {
  // exitCode, not exit(): lets a large JSON report finish flushing into a pipe.
  process.exitCode = exitCode;
});
