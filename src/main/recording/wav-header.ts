// The live recording's format: a canonical 44-byte RIFF/WAVE header, 16-bit PCM, 16 kHz, two
// channels interleaved (left the agent, right the customer), the analysis frames as they arrived.

/** Bytes before the sample data in the files Attune records. */
export const RECORDING_HEADER_BYTES = 44;
export const RECORDING_SAMPLE_RATE_HZ = 16_000;
export const RECORDING_CHANNELS = 2;
/** Bytes per stereo sample frame (two 16-bit samples). */
export const RECORDING_BLOCK_ALIGN_BYTES = 4;

/** Bytes of sample data per millisecond of stereo audio. */
export const RECORDING_BYTES_PER_MS = (RECORDING_SAMPLE_RATE_HZ * RECORDING_BLOCK_ALIGN_BYTES) / 1000;

/** The header for `dataBytes` of sample data (0 while the length is unknown). */
export function recordingHeader(dataBytes: number): Uint8Array {
  const header = new Uint8Array(RECORDING_HEADER_BYTES);
  const view = new DataView(header.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) header[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, RECORDING_HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, RECORDING_CHANNELS, true);
  view.setUint32(24, RECORDING_SAMPLE_RATE_HZ, true);
  view.setUint32(28, RECORDING_SAMPLE_RATE_HZ * RECORDING_BLOCK_ALIGN_BYTES, true);
  view.setUint16(32, RECORDING_BLOCK_ALIGN_BYTES, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/** Interleaves two equal-length channels into little-endian stereo 16-bit PCM bytes. */
export function interleaveStereo(left: Int16Array, right: Int16Array): Uint8Array {
  if (left.length !== right.length) throw new RangeError(`channels differ in length: ${left.length} vs ${right.length}`);
  const bytes = new Uint8Array(left.length * RECORDING_BLOCK_ALIGN_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < left.length; i++) {
    view.setInt16(i * 4, left[i] as number, true);
    view.setInt16(i * 4 + 2, right[i] as number, true);
  }
  return bytes;
}
