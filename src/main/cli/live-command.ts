// `attune live <call.wav>`: plays a stereo recording through the live call service as if it were the
// capture — resampled to 16 kHz, cut into 20 ms planar Int16 blocks like the renderer's, fed at N×
// real time — so the call is analysed, coached, recorded and stored exactly as the app does it.

import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LiveUpdate } from '../../shared/live';
import { AudioInputError } from '../audio/audio-input-error';
import { openWavFile } from '../audio/wav-file-reader';
import type { Library } from '../library/library';
import { createFrameBlockPacker } from '../live/frame-block-packer';
import { createLiveCallService } from '../services/live-call-service';
import { getCall } from '../store/calls-repository';
import type { AgentChannel } from '../services/call-file-analysis';
import type { PlaybackSpeed } from './cli-args';

/** Frames per message, as the renderer's capture sends them (20 ms). */
const FRAMES_PER_BLOCK = 2;
/** Ahead of the wall clock by less than this, feeding goes on without a timer. */
const PACING_SLACK_MS = 2;

export interface LiveCommandOptions {
  file: string;
  agentChannel: AgentChannel;
  speed: PlaybackSpeed;
  events: boolean;
  agentName: string;
}

export interface LiveCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves when the user asks to stop early (Ctrl-C); default: never. */
  interrupted?: Promise<void>;
}

export async function runLiveCommand(options: LiveCommandOptions, library: Library, io: LiveCommandIo): Promise<number> {
  const reader = await openWavFile(options.file);
  try {
    const { layout } = reader;
    if (layout.channelCount < 2) {
      throw new AudioInputError(
        `${basename(options.file)} has 1 channel; Attune needs a stereo recording with the agent on one channel and the customer on the other`,
        'not-stereo',
      );
    }
    const cards: string[] = [];
    let backchannels = 0;
    const service = createLiveCallService({
      library,
      broadcast: (update) => {
        if (options.events) printUpdate(update, io);
        if (update.type === 'card') cards.push(`  ${clock(update.emittedAtMs)}  ${update.card.title}`);
        if (update.type === 'backchannel') backchannels += 1;
        if (update.type === 'captureProblem' && !options.events) io.stderr.write(`attune: ${update.message}\n`);
      },
      logError: (message, error) => io.stderr.write(`${message}${error instanceof Error ? `: ${error.message}` : ''}\n`),
    });
    const started = await service.startLiveCall({ agentName: options.agentName });
    if (!started.ok) throw new Error(started.error);

    let stopRequested = false;
    void io.interrupted?.then(() => {
      stopRequested = true;
    });
    const packer = createFrameBlockPacker(layout.sampleRateHz, FRAMES_PER_BLOCK, (block) => service.handleFrameMessage(block));

    const [agentIndex, customerIndex] = options.agentChannel === 'left' ? [0, 1] : [1, 0];
    const startedWallMs = performance.now();
    // Fed in pieces of one block's worth of input, so pacing and Ctrl-C act within 20 ms of audio.
    const pieceSamples = Math.max(1, Math.round((layout.sampleRateHz * FRAMES_PER_BLOCK) / 100));
    feeding: for await (const [agent, customer] of reader.readChannels([agentIndex, customerIndex])) {
      if (agent === undefined || customer === undefined) throw new Error('reader returned fewer channels than requested');
      for (let at = 0; at < agent.length; at += pieceSamples) {
        if (stopRequested) break feeding;
        packer.push(agent.subarray(at, at + pieceSamples), customer.subarray(at, at + pieceSamples));
        if (options.speed.tag === 'times') {
          const dueWallMs = startedWallMs + service.elapsedMs / options.speed.factor;
          const aheadMs = dueWallMs - performance.now();
          if (aheadMs > PACING_SLACK_MS) await sleep(aheadMs);
        }
      }
      // Let stdout drain and signals arrive between file blocks, even at full speed.
      await sleep(0);
    }
    // Stopped early, what is gathered is sent as it is; otherwise the framer's tail goes too.
    if (stopRequested) packer.flush();
    else packer.finish();

    const fedMs = service.elapsedMs;
    const stopped = await service.stopLiveCall();
    if (!stopped.ok) throw new Error(stopped.error);
    if (!options.events) {
      const call = getCall(library.db, stopped.callId);
      const metrics = call?.metrics;
      const seconds = (fedMs / 1000).toFixed(1);
      const speed = options.speed.tag === 'max' ? 'as fast as possible' : `${options.speed.factor}× real time`;
      io.stdout.write(`Played ${basename(options.file)} through the live coach: ${seconds} s of audio at ${speed}${stopRequested ? ' (stopped early)' : ''}.\n`);
      if (metrics !== undefined) {
        io.stdout.write(
          `Talk ratio ${Math.round(metrics.talkRatio * 100)} % agent; interruptions: agent ${metrics.agent.interruptions}, customer ${metrics.customer.interruptions}; backchannels ${backchannels}.\n`,
        );
      }
      io.stdout.write(cards.length === 0 ? 'Cards shown: none.\n' : `Cards shown:\n${cards.join('\n')}\n`);
      io.stdout.write(`Saved as call ${stopped.callId}${call?.recordingPath ? ` (recording: ${call.recordingPath})` : ''}.\n`);
    }
    return 0;
  } finally {
    await reader.close();
  }
}

function printUpdate(update: LiveUpdate, io: LiveCommandIo): void {
  switch (update.type) {
    case 'started':
    case 'stopped':
      // Not events of the call: the first line is the first event, the last is "saved".
      return;
    default:
      io.stdout.write(`${JSON.stringify(update)}\n`);
  }
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
