// Opens the chosen devices and runs them through the capture worklet: one AudioContext, two worklet
// inputs (agent, customer), level meters from every block, and — while a call runs — each block
// forwarded to main on the frame port with its buffer transferred. Watches the tracks for the
// problems the agent must hear about (a track ending, the device's rate changing).

import type { CaptureChannel, CaptureProblemKind } from '../../../shared/live';
import { captureErrorFrom, CaptureError } from './capture-errors';
import type { CaptureSource, SystemAudioChoice } from './capture-source';
import captureWorkletUrl from './capture-worklet.ts?worker&url';
import { peakDbOfBlockHalf } from './frame-packer';
import { CAPTURE_PROCESSOR_NAME, type WorkletMessage } from './worklet-protocol';

export interface CaptureLevels {
  /** Peak over the last meter interval, dBFS; −100 for digital silence. */
  agentDb: number;
  customerDb: number;
}

export interface CaptureProblem {
  channel: CaptureChannel | null;
  problem: CaptureProblemKind;
  message: string;
}

export interface CaptureCallbacks {
  onLevels(levels: CaptureLevels): void;
  /** Something went wrong after the capture started; capture goes on with what is left. */
  onProblem(problem: CaptureProblem): void;
}

export interface CaptureSession {
  /** Forwards every block from now on to `port` (transferring the buffer); null stops forwarding. */
  setFramePort(port: MessagePort | null): void;
  /** Audio sent on the frame port so far, ms (16 kHz samples ÷ 16). */
  readonly forwardedMs: number;
  close(): Promise<void>;
}

/** Level meters refresh every this many blocks (5 × 20 ms = 10 Hz): smooth enough, cheap to render. */
const BLOCKS_PER_LEVEL_UPDATE = 5;
/** How often the tracks' sample rates are compared with the rate they started at. */
const SAMPLE_RATE_CHECK_MS = 2_000;

/** Raw audio: the analyzer does its own bleed handling, and AGC would distort the talk balance. */
const RAW_AUDIO = { echoCancellation: false, noiseSuppression: false, autoGainControl: false } as const;

function deviceConstraint(deviceId: string | null): { deviceId?: { exact: string } } {
  return deviceId === null ? {} : { deviceId: { exact: deviceId } };
}

async function openMicrophone(deviceId: string | null, channel: CaptureChannel | null, channelCount: 1 | 2): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { ...RAW_AUDIO, ...deviceConstraint(deviceId), channelCount: { ideal: channelCount } },
      video: false,
    });
  } catch (error) {
    throw captureErrorFrom(error, channel);
  }
}

async function openSystemAudio(choice: SystemAudioChoice): Promise<MediaStream> {
  switch (choice.kind) {
    case 'monitor-device':
      return openMicrophone(choice.deviceId, 'customer', 1);
    case 'loopback': {
      let stream: MediaStream;
      try {
        // Main answers with the requesting frame as video (so no picker) and audio 'loopback'; a video
        // track must be requested, and is dropped at once.
        stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
      } catch (error) {
        throw captureErrorFrom(error, 'customer');
      }
      for (const track of stream.getVideoTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
      const [audio] = stream.getAudioTracks();
      // macOS without "System Audio Recording" gives an audio track that is already over, with no error.
      if (!audio || audio.readyState === 'ended') {
        throw new CaptureError(
          'customer',
          'permission-denied',
          "Attune got no system audio. On macOS, allow Attune under System Settings › Privacy & Security › System Audio Recording; on Windows, check that an output device is enabled.",
        );
      }
      return stream;
    }
    case 'none':
      throw new CaptureError('customer', null, "Choose where the customer's audio comes from.");
    default: {
      const unreachable: never = choice;
      throw new Error(`unknown system audio choice ${JSON.stringify(unreachable)}`);
    }
  }
}

function trackEndedMessage(channel: CaptureChannel | null): string {
  switch (channel) {
    case 'agent':
      return 'Your microphone stopped (unplugged or switched off). The call goes on with the customer only; plug it back in and start a new call to be heard again.';
    case 'customer':
      return "The customer's audio stopped (device unplugged or capture ended by the system). The call goes on with your microphone only.";
    case null:
      return 'The audio input stopped (unplugged or switched off). The call goes on, but nothing new is heard.';
    default: {
      const unreachable: never = channel;
      return String(unreachable);
    }
  }
}

/** Opens the devices of `source` and starts the worklet. Throws CaptureError (with a user-facing message). */
export async function openCapture(source: CaptureSource, callbacks: CaptureCallbacks): Promise<CaptureSession> {
  const streams: Array<{ stream: MediaStream; channel: CaptureChannel | null }> = [];
  const stopAll = (): void => {
    for (const { stream } of streams) for (const track of stream.getTracks()) track.stop();
  };

  try {
    switch (source.kind) {
      case 'separate': {
        streams.push({ stream: await openMicrophone(source.microphoneId, 'agent', 1), channel: 'agent' });
        streams.push({ stream: await openSystemAudio(source.system), channel: 'customer' });
        break;
      }
      case 'stereo-input':
        streams.push({ stream: await openMicrophone(source.deviceId, null, 2), channel: null });
        break;
      default: {
        const unreachable: never = source;
        throw new Error(`unknown capture source ${JSON.stringify(unreachable)}`);
      }
    }
  } catch (error) {
    stopAll();
    throw captureErrorFrom(error, null);
  }
  // A track can arrive already over (revoked permission, a device that vanished during the prompt).
  for (const { stream, channel } of streams) {
    if (stream.getAudioTracks().some((track) => track.readyState === 'ended')) {
      stopAll();
      const what = channel === 'customer' ? "The customer's audio" : channel === 'agent' ? 'Your microphone' : 'The audio input';
      throw new CaptureError(channel, 'track-ended', `${what} stopped as soon as it was opened. Check the device and Attune's permission to use it, then try again.`);
    }
  }

  const context = new AudioContext({ latencyHint: 'interactive' });
  let node: AudioWorkletNode;
  try {
    await context.audioWorklet.addModule(captureWorkletUrl);
    // No outputs: the node is pulled by the graph on its own and nothing is played back to the agent.
    node = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, { numberOfInputs: 2, numberOfOutputs: 0, channelCount: 2, channelCountMode: 'max' });
  } catch (error) {
    stopAll();
    await context.close();
    throw new CaptureError(null, null, `Attune's audio engine could not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  const sourceNodes: AudioNode[] = [];
  for (const { stream, channel } of streams) {
    const input = context.createMediaStreamSource(stream);
    sourceNodes.push(input);
    if (channel === null) {
      // Stereo input: left → agent (worklet input 0), right → customer (input 1).
      const splitter = context.createChannelSplitter(2);
      input.connect(splitter);
      splitter.connect(node, 0, 0);
      splitter.connect(node, 1, 1);
      sourceNodes.push(splitter);
    } else {
      input.connect(node, 0, channel === 'agent' ? 0 : 1);
    }
  }

  let framePort: MessagePort | null = null;
  let forwardedSamples = 0;
  let blocksSinceLevels = 0;
  let peakAgentDb = -100;
  let peakCustomerDb = -100;

  node.port.onmessage = (event: MessageEvent<WorkletMessage>) => {
    const message = event.data;
    if (message.type !== 'block') return;
    const samples = new Int16Array(message.buffer);
    peakAgentDb = Math.max(peakAgentDb, peakDbOfBlockHalf(samples, 'agent'));
    peakCustomerDb = Math.max(peakCustomerDb, peakDbOfBlockHalf(samples, 'customer'));
    if (++blocksSinceLevels >= BLOCKS_PER_LEVEL_UPDATE) {
      callbacks.onLevels({ agentDb: peakAgentDb, customerDb: peakCustomerDb });
      blocksSinceLevels = 0;
      peakAgentDb = -100;
      peakCustomerDb = -100;
    }
    if (framePort) {
      forwardedSamples += samples.length / 2;
      // The buffer moves to main's port; no copy, no JSON.
      framePort.postMessage(message.buffer, [message.buffer]);
    }
  };

  // Problems after the start: a track ending (unplugged, revoked) and a device changing its rate.
  const cleanups: Array<() => void> = [];
  for (const { stream, channel } of streams) {
    for (const track of stream.getAudioTracks()) {
      const onEnded = (): void => callbacks.onProblem({ channel, problem: 'track-ended', message: trackEndedMessage(channel) });
      track.addEventListener('ended', onEnded);
      cleanups.push(() => track.removeEventListener('ended', onEnded));
      const startRateHz = track.getSettings().sampleRate;
      let reportedRateHz = startRateHz;
      const timer = setInterval(() => {
        const rateHz = track.getSettings().sampleRate;
        if (rateHz === undefined || startRateHz === undefined || rateHz === reportedRateHz) return;
        reportedRateHz = rateHz;
        callbacks.onProblem({
          channel,
          problem: 'sample-rate-changed',
          message: `The ${channel === 'customer' ? "customer's audio device" : channel === 'agent' ? 'microphone' : 'input device'} changed its sample rate from ${startRateHz} Hz to ${rateHz} Hz. Attune resamples it; if the sound breaks up, stop and start the call.`,
        });
      }, SAMPLE_RATE_CHECK_MS);
      cleanups.push(() => clearInterval(timer));
    }
  }

  // Chromium may create a context suspended until a user gesture; capture needs it running.
  if (context.state !== 'running') await context.resume().catch(() => undefined);

  let closed = false;
  return {
    setFramePort(port) {
      framePort = port;
      if (port) forwardedSamples = 0;
    },
    get forwardedMs() {
      return forwardedSamples / 16;
    },
    async close() {
      if (closed) return;
      closed = true;
      framePort = null;
      for (const cleanup of cleanups) cleanup();
      node.port.onmessage = null;
      for (const sourceNode of sourceNodes) sourceNode.disconnect();
      stopAll();
      await context.close().catch(() => undefined);
    },
  };
}
