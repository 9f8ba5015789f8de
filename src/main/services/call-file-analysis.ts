// Analyses one call recording on disk: open + validate the WAV, stream its agent and customer
// channels through the resampler/framer into the conversation analyzer, return the metrics.
// Used by the app's IPC handler and by the CLI; all user-fixable problems are AudioInputErrors.

import { basename } from 'node:path';
import type { CallAnalysis } from '../../shared/call-analysis';
import { createChannelPairAnalysis } from '../analysis/analyze-channels';
import type { SignalTuning } from '../analysis/conversation-analyzer';
import type { AnalyzerOptions } from '../analysis/options';
import { AudioInputError } from '../audio/audio-input-error';
import { HOW_TO_GET_STEREO } from '../audio/recording-advice';
import { openWavFile } from '../audio/wav-file-reader';

export type AgentChannel = 'left' | 'right';

export interface CallFileAnalysisOptions {
  /** Which stereo channel carries the agent's microphone. Default 'left'. */
  agentChannel?: AgentChannel;
  /** Analyzer thresholds; defaults from options.ts. */
  analyzer?: Partial<AnalyzerOptions>;
  /** Signal-stage tuning, for experiments (e.g. turning the bleed model off); defaults are what ships. */
  tuning?: Partial<SignalTuning>;
  /** Sees every block the analysis gets, agent first (the import keeps a copy of the audio this way). */
  onChannels?: (agent: Float32Array, customer: Float32Array, sampleRateHz: number) => void;
}

export async function analyzeCallFile(path: string, options: CallFileAnalysisOptions = {}): Promise<CallAnalysis> {
  const agentChannel = options.agentChannel ?? 'left';
  if (agentChannel !== 'left' && agentChannel !== 'right') {
    throw new AudioInputError(`agent channel must be "left" or "right", not "${String(agentChannel)}"`, 'invalid-audio');
  }
  const reader = await openWavFile(path);
  try {
    const { layout } = reader;
    if (layout.channelCount < 2) {
      throw new AudioInputError(
        `${basename(path)} has 1 channel; Attune needs a stereo recording with the agent on one channel and the customer on the other (${HOW_TO_GET_STEREO})`,
        'not-stereo',
      );
    }
    // Left and right are channels 0 and 1; any further channels (surround layouts) are ignored.
    const [agentIndex, customerIndex] = agentChannel === 'left' ? [0, 1] : [1, 0];
    const analysis = createChannelPairAnalysis(layout.sampleRateHz, options.analyzer, options.tuning);
    for await (const [agent, customer] of reader.readChannels([agentIndex, customerIndex])) {
      if (agent === undefined || customer === undefined) throw new Error('reader returned fewer channels than requested');
      analysis.push(agent, customer);
      options.onChannels?.(agent, customer, layout.sampleRateHz);
    }
    return { file: path, ...analysis.finish() };
  } finally {
    await reader.close();
  }
}
