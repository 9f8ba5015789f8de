// Recognises an audio file by its first bytes (never by its extension, which lies as often as not) and
// reads the channel count from the codec's own header, so a mono file is refused before any decoding:
// Attune needs the agent and the customer on separate channels. Pure: bytes in, a description out.

/** What the import can read, and the formats it recognises only to say why it can't. */
export type AudioFormat =
  | { tag: 'wav' }
  | { tag: 'mp3'; channelCount: 1 | 2 }
  | { tag: 'ogg-opus'; channelCount: number }
  | { tag: 'ogg-vorbis'; channelCount: number }
  | { tag: 'unsupported'; name: string; advice: string }
  | { tag: 'unknown' };

/** Bytes to read from the start of a file for detectAudioFormat: room for a large ID3 tag's neighbourhood. */
export const FORMAT_PROBE_BYTES = 64 * 1024;

const CONVERT = 'convert it to WAV (keeping both channels), e.g. `ffmpeg -i <file> -c:a pcm_s16le <file>.wav`';

/** M4A/AAC: the only AAC decoders for Node are FAAD2 (GPL-2.0, which an MIT app cannot ship) or unmaintained. */
const AAC_ADVICE = `Attune can't decode AAC (no permissively licensed AAC decoder for Node exists): ${CONVERT}, or export the call as WAV, MP3 or Ogg`;

/**
 * Identifies the container/codec from the first bytes (FORMAT_PROBE_BYTES are enough; fewer work when
 * the file is shorter). An ID3v2 tag (cover art…) can be longer than the probe: then pass the bytes
 * from mp3FrameSearchStart(head) on as `afterId3Tag`.
 */
export function detectAudioFormat(head: Uint8Array, afterId3Tag?: Uint8Array): AudioFormat {
  if (startsWith(head, 0, 'RIFF') || startsWith(head, 0, 'RF64') || startsWith(head, 0, 'BW64')) return { tag: 'wav' };
  if (startsWith(head, 0, 'OggS')) return detectOgg(head);
  if (startsWith(head, 4, 'ftyp')) return { tag: 'unsupported', name: 'M4A/MP4 (AAC)', advice: AAC_ADVICE };
  if (startsWith(head, 0, 'fLaC')) return { tag: 'unsupported', name: 'FLAC', advice: CONVERT };
  if (startsWith(head, 0, 'FORM')) return { tag: 'unsupported', name: 'AIFF', advice: CONVERT };
  if (startsWith(head, 0, '#!AMR')) return { tag: 'unsupported', name: 'AMR', advice: CONVERT };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return { tag: 'unsupported', name: 'WebM/Matroska', advice: CONVERT };
  }
  if (head[0] === 0x30 && head[1] === 0x26 && head[2] === 0xb2 && head[3] === 0x75) {
    return { tag: 'unsupported', name: 'WMA', advice: CONVERT };
  }
  if (isAdtsHeader(head, 0)) return { tag: 'unsupported', name: 'AAC', advice: AAC_ADVICE };
  const searchStart = mp3FrameSearchStart(head);
  const [bytes, from] = searchStart >= head.length - 4 && afterId3Tag !== undefined ? [afterId3Tag, 0] : [head, searchStart];
  const frameAt = findMp3Frame(bytes, from);
  if (frameAt !== null) return { tag: 'mp3', channelCount: mp3ChannelCount(bytes, frameAt) };
  return { tag: 'unknown' };
}

/** Where MPEG audio frames start: after an ID3v2 tag if there is one (it may be longer than the probe). */
export function mp3FrameSearchStart(head: Uint8Array): number {
  if (!startsWith(head, 0, 'ID3') || head.length < 10) return 0;
  // Tag size: four 7-bit bytes ("syncsafe"), excluding the 10-byte header and the optional footer.
  const size = ((head[6] ?? 0) << 21) | ((head[7] ?? 0) << 14) | ((head[8] ?? 0) << 7) | (head[9] ?? 0);
  const hasFooter = ((head[5] ?? 0) & 0x10) !== 0;
  return 10 + size + (hasFooter ? 10 : 0);
}

/** The first plausible MPEG audio frame header at or after `from` (within the first 4 KiB after it), or null. */
export function findMp3Frame(bytes: Uint8Array, from: number): number | null {
  const end = Math.min(bytes.length - 4, from + 4096);
  for (let at = from; at <= end; at++) {
    if (isMpegAudioHeader(bytes, at)) return at;
  }
  return null;
}

/** Channel mode 3 is single channel; stereo, joint stereo and dual channel are two. */
function mp3ChannelCount(bytes: Uint8Array, at: number): 1 | 2 {
  return (((bytes[at + 3] ?? 0) >> 6) & 0b11) === 0b11 ? 1 : 2;
}

function isMpegAudioHeader(bytes: Uint8Array, at: number): boolean {
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11; // 01 is reserved
  const layer = (b1 >> 1) & 0b11; // 00 is reserved (and is what ADTS AAC has here)
  const bitrateIndex = (b2 >> 4) & 0b1111; // 1111 is invalid
  const sampleRateIndex = (b2 >> 2) & 0b11; // 11 is reserved
  return version !== 0b01 && layer !== 0b00 && bitrateIndex !== 0b1111 && sampleRateIndex !== 0b11;
}

function isAdtsHeader(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xf6) === 0xf0;
}

/** The first Ogg page carries the codec's identification header as its first packet. */
function detectOgg(head: Uint8Array): AudioFormat {
  const segmentCount = head[26];
  if (segmentCount === undefined) return { tag: 'unknown' };
  const packetAt = 27 + segmentCount;
  if (startsWith(head, packetAt, 'OpusHead')) {
    const channelCount = head[packetAt + 9];
    return channelCount === undefined ? { tag: 'unknown' } : { tag: 'ogg-opus', channelCount };
  }
  if (head[packetAt] === 0x01 && startsWith(head, packetAt + 1, 'vorbis')) {
    const channelCount = head[packetAt + 11];
    return channelCount === undefined ? { tag: 'unknown' } : { tag: 'ogg-vorbis', channelCount };
  }
  if (startsWith(head, packetAt, '\x7fFLAC')) return { tag: 'unsupported', name: 'Ogg FLAC', advice: CONVERT };
  if (startsWith(head, packetAt, 'Speex')) return { tag: 'unsupported', name: 'Ogg Speex', advice: CONVERT };
  return { tag: 'unsupported', name: 'Ogg with an unknown codec', advice: CONVERT };
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}
