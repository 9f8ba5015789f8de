// decodeWav on real bytes: every supported encoding decodes to the samples that were written, and
// every malformed or unsupported file fails with a one-line AudioInputError saying why.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WaveFile } from 'wavefile';
import { AudioInputError, type AudioInputErrorCode } from '../../../src/main/audio/audio-input-error';
import { decodeWav } from '../../../src/main/audio/wav-decoder';
import { encodeWav, type WavEncoding } from '../cli/synthetic-call';

const RATE_HZ = 8000;

function testSignal(length: number, frequencyHz: number): Float32Array {
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i++) samples[i] = 0.6 * Math.sin((2 * Math.PI * frequencyHz * i) / RATE_HZ);
  return samples;
}

const LEFT = testSignal(800, 300);
const RIGHT = testSignal(800, 700);

function maxError(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

/** A hand-built WAV, for headers no well-behaved writer would produce. */
function buildWav(fields: {
  formatCode?: number;
  channels?: number;
  sampleRateHz?: number;
  bitsPerSample?: number;
  blockAlign?: number;
  fmtSizeBytes?: number;
  data?: Uint8Array;
  declaredDataBytes?: number;
  before?: Uint8Array;
  /** Write WAVE_FORMAT_EXTENSIBLE with this sub-format code and valid bits. */
  extensible?: { subFormatCode: number; validBitsPerSample: number };
}): Uint8Array {
  const channels = fields.channels ?? 2;
  const bits = fields.bitsPerSample ?? 16;
  const blockAlign = fields.blockAlign ?? channels * Math.ceil(bits / 8);
  const data = fields.data ?? new Uint8Array(blockAlign * 100);
  const fmtSize = fields.fmtSizeBytes ?? (fields.extensible === undefined ? 16 : 40);
  const before = fields.before ?? new Uint8Array(0);
  const bytes = new Uint8Array(12 + 8 + Math.max(fmtSize, 16) + before.length + 8 + data.length);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => text.split('').forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, fields.formatCode ?? 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, fields.sampleRateHz ?? RATE_HZ, true);
  view.setUint32(28, (fields.sampleRateHz ?? RATE_HZ) * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bits, true);
  if (fields.extensible !== undefined) {
    view.setUint16(20, 0xfffe, true);
    view.setUint16(36, 22, true);
    view.setUint16(38, fields.extensible.validBitsPerSample, true);
    view.setUint32(40, 0x3, true); // front left | front right
    // KSDATAFORMAT_SUBTYPE_*: {code}-0000-0010-8000-00aa00389b71
    view.setUint32(44, fields.extensible.subFormatCode, true);
    bytes.set([0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 48);
  }
  let at = 20 + Math.max(fmtSize, 16);
  bytes.set(before, at);
  at += before.length;
  ascii(at, 'data');
  view.setUint32(at + 4, fields.declaredDataBytes ?? data.length, true);
  bytes.set(data, at + 8);
  return bytes;
}

function expectInputError(bytes: Uint8Array, code: AudioInputErrorCode, pattern: RegExp): void {
  assert.throws(
    () => decodeWav(bytes, 'call.wav'),
    (error: unknown) => {
      assert.ok(error instanceof AudioInputError, `expected AudioInputError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      assert.match(error.message, pattern);
      assert.match(error.message, /^call\.wav /);
      assert.doesNotMatch(error.message, /\n/);
      return true;
    },
  );
}

describe('decodeWav: supported encodings', () => {
  const cases: [WavEncoding, number, string][] = [
    ['8', 1 / 100, '8-bit PCM'],
    ['16', 1 / 30_000, '16-bit PCM'],
    ['24', 1e-6, '24-bit PCM'],
    ['32', 1e-6, '32-bit PCM'],
    ['32f', 1e-7, '32-bit float'],
    ['64', 1e-7, '64-bit float'],
    ['8a', 1 / 40, '8-bit A-law'],
    ['8m', 1 / 40, '8-bit μ-law'],
  ];
  for (const [encoding, tolerance, name] of cases) {
    it(`decodes ${name} stereo`, () => {
      const decoded = decodeWav(encodeWav([LEFT, RIGHT], RATE_HZ, encoding));
      assert.equal(decoded.sampleRateHz, RATE_HZ);
      assert.equal(decoded.encoding, name);
      assert.equal(decoded.channels.length, 2);
      assert.ok(maxError(decoded.channels[0] as Float32Array, LEFT) <= tolerance, `left error ${maxError(decoded.channels[0] as Float32Array, LEFT)}`);
      assert.ok(maxError(decoded.channels[1] as Float32Array, RIGHT) <= tolerance);
    });
  }

  it('expands A-law and μ-law exactly as wavefile does', () => {
    for (const encoding of ['8a', '8m'] as const) {
      const bytes = encodeWav([LEFT, RIGHT], RATE_HZ, encoding);
      const reference = new WaveFile(bytes);
      if (encoding === '8a') reference.fromALaw();
      else reference.fromMuLaw();
      const expected = reference.getSamples(false, Float64Array) as unknown as Float64Array[];
      const decoded = decodeWav(bytes);
      for (let channel = 0; channel < 2; channel++) {
        const ours = decoded.channels[channel] as Float32Array;
        const theirs = expected[channel] as Float64Array;
        for (let i = 0; i < ours.length; i++) assert.equal((ours[i] as number) * 32768, theirs[i], `${encoding} channel ${channel} sample ${i}`);
      }
    }
  });

  it('decodes more than two channels', () => {
    const third = testSignal(800, 1100);
    const multichannel = decodeWav(encodeWav([LEFT, RIGHT, third], RATE_HZ, '16'));
    assert.equal(multichannel.channels.length, 3);
    assert.ok(maxError(multichannel.channels[2] as Float32Array, third) < 1 / 30_000);
  });

  it('decodes WAVE_FORMAT_EXTENSIBLE: 16-bit PCM, 20-bit in a 24-bit container (MSB-aligned), float', () => {
    const interleave = (bytesPerSample: number, write: (view: DataView, at: number, value: number) => void): Uint8Array => {
      const data = new Uint8Array(LEFT.length * 2 * bytesPerSample);
      const view = new DataView(data.buffer);
      for (let i = 0; i < LEFT.length; i++) {
        write(view, i * 2 * bytesPerSample, LEFT[i] as number);
        write(view, (i * 2 + 1) * bytesPerSample, RIGHT[i] as number);
      }
      return data;
    };
    const pcm16 = interleave(2, (view, at, value) => view.setInt16(at, Math.round(value * 32767), true));
    const pcm16Decoded = decodeWav(buildWav({ data: pcm16, extensible: { subFormatCode: 1, validBitsPerSample: 16 } }));
    assert.equal(pcm16Decoded.encoding, '16-bit PCM');
    assert.ok(maxError(pcm16Decoded.channels[1] as Float32Array, RIGHT) < 1 / 30_000);

    const pcm20 = interleave(3, (view, at, value) => {
      // 20 significant bits, left-justified in the 24-bit container, as the format requires.
      const container = Math.round(value * 2 ** 19) * 16;
      view.setUint8(at, container & 0xff);
      view.setUint8(at + 1, (container >> 8) & 0xff);
      view.setUint8(at + 2, (container >> 16) & 0xff);
    });
    const pcm20Decoded = decodeWav(buildWav({ data: pcm20, bitsPerSample: 24, extensible: { subFormatCode: 1, validBitsPerSample: 20 } }));
    assert.equal(pcm20Decoded.encoding, '20-bit PCM');
    assert.ok(maxError(pcm20Decoded.channels[0] as Float32Array, LEFT) < 2e-6);

    const float = interleave(4, (view, at, value) => view.setFloat32(at, value, true));
    const floatDecoded = decodeWav(buildWav({ data: float, bitsPerSample: 32, extensible: { subFormatCode: 3, validBitsPerSample: 32 } }));
    assert.equal(floatDecoded.encoding, '32-bit float');
    assert.equal(maxError(floatDecoded.channels[0] as Float32Array, LEFT), 0);

    expectInputError(buildWav({ extensible: { subFormatCode: 0x0011, validBitsPerSample: 4 } }), 'unsupported-encoding', /IMA ADPCM/);
  });

  it('decodes big-endian RIFX', () => {
    const decoded = decodeWav(encodeWav([LEFT, RIGHT], RATE_HZ, '16', { container: 'RIFX' }));
    assert.ok(maxError(decoded.channels[1] as Float32Array, RIGHT) < 1 / 30_000);
  });

  it('decodes mono (rejecting it is the caller’s business)', () => {
    assert.equal(decodeWav(encodeWav([LEFT], RATE_HZ, '16')).channels.length, 1);
  });

  it('skips chunks before the data and drops a trailing partial frame', () => {
    const junk = new Uint8Array(8 + 1001 + 1);
    junk.set([0x4a, 0x55, 0x4e, 0x4b]);
    new DataView(junk.buffer).setUint32(4, 1001, true); // odd-sized payload, then a pad byte
    const data = new Uint8Array(4 * 10 + 2);
    new DataView(data.buffer).setInt16(0, 16384, true);
    const decoded = decodeWav(buildWav({ before: junk, data }));
    assert.equal(decoded.channels[0]?.length, 10);
    assert.equal(decoded.channels[0]?.[0], 0.5);
  });
});

describe('decodeWav: bad input', () => {
  const good = encodeWav([LEFT, RIGHT], RATE_HZ, '16');

  it('rejects an empty file', () => expectInputError(new Uint8Array(0), 'not-wav', /is empty/));

  it('rejects text and other audio containers as not a WAV', () => {
    // Plain words: what the file is, what Attune needs, and how to get it (no "RIFF/WAVE header" jargon).
    expectInputError(
      new TextEncoder().encode('hello, this is not audio at all'),
      'not-wav',
      /^call\.wav is not an audio recording Attune can read \(it is not a WAV file; was it renamed\?\)\. Attune needs a stereo WAV recording of the call, with the agent on one channel and the customer on the other; most softphones and call recorders can save one: look for a "stereo", "dual-channel" or "separate channels" recording setting, then export the call as WAV$/,
    );
    expectInputError(new TextEncoder().encode('ID3\u0004\u0000 some mp3 bytes follow here'), 'not-wav', /looks like an MP3 file\); import it into the library, which reads MP3, Ogg\/Opus and M4A too, or convert it to WAV keeping both channels/);
    expectInputError(new TextEncoder().encode('fLaC\u0000\u0000\u0000\u0022 and so on and so on'), 'not-wav', /looks like a FLAC file/);
    const avi = good.slice();
    avi.set(new TextEncoder().encode('AVI '), 8);
    expectInputError(avi, 'not-wav', /another kind of media file \(a RIFF file of type "AVI "\); Attune needs a stereo WAV recording/);
  });

  it('rejects a flipped header', () => {
    const flipped = good.slice();
    flipped.set(new TextEncoder().encode('FFIR'), 0);
    expectInputError(flipped, 'not-wav', /not a WAV file/);
  });

  it('detects truncation that wavefile itself accepts', () => {
    const cut = good.slice(0, 44 + 1001);
    assert.doesNotThrow(() => new WaveFile(cut), 'wavefile silently accepts a short data chunk');
    expectInputError(cut, 'truncated', /is truncated: its data chunk declares 3200 bytes but only 1001 are present/);
  });

  it('detects truncation inside the header', () => {
    expectInputError(good.slice(0, 8), 'truncated', /truncated/);
    expectInputError(good.slice(0, 30), 'truncated', /truncated/);
    expectInputError(good.slice(0, 40), 'truncated', /no data chunk/);
  });

  it('rejects a missing or undersized fmt chunk', () => {
    const noFmt = good.slice();
    noFmt.set(new TextEncoder().encode('fmX '), 12);
    expectInputError(noFmt, 'corrupt', /no fmt chunk/);
    expectInputError(buildWav({ fmtSizeBytes: 14 }), 'corrupt', /fmt chunk is 14 bytes/);
  });

  it('rejects impossible fmt fields', () => {
    expectInputError(buildWav({ channels: 0, blockAlign: 4 }), 'corrupt', /0 channels/);
    expectInputError(buildWav({ blockAlign: 0 }), 'corrupt', /block size 0/);
    expectInputError(buildWav({ blockAlign: 3 }), 'corrupt', /block size 3 bytes/);
    expectInputError(buildWav({ bitsPerSample: 24, blockAlign: 4 }), 'corrupt', /24-bit samples don't fit a 2-byte container/);
  });

  it('rejects an empty data chunk', () => {
    expectInputError(buildWav({ data: new Uint8Array(0) }), 'truncated', /contains no audio/);
  });

  it('names unsupported encodings', () => {
    const wav = new WaveFile();
    wav.fromScratch(1, RATE_HZ, '16', Array.from(LEFT, (v) => Math.round(v * 32767)));
    wav.toIMAADPCM();
    expectInputError(wav.toBuffer(), 'unsupported-encoding', /IMA ADPCM \(format 0x0011\).*convert it to 16-bit PCM/);
    expectInputError(buildWav({ formatCode: 0x0055 }), 'unsupported-encoding', /MP3 \(format 0x0055\)/);
    expectInputError(buildWav({ formatCode: 0x0031 }), 'unsupported-encoding', /GSM 6\.10/);
    expectInputError(buildWav({ formatCode: 0x1234 }), 'unsupported-encoding', /WAV format code 0x1234/);
    expectInputError(buildWav({ formatCode: 3, bitsPerSample: 16 }), 'unsupported-encoding', /16-bit floating point/);
  });

  it('rejects sample rates outside 8–192 kHz', () => {
    expectInputError(buildWav({ sampleRateHz: 4000 }), 'unsupported-sample-rate', /4000 Hz; Attune supports 8000–192000 Hz/);
    expectInputError(buildWav({ sampleRateHz: 384_000 }), 'unsupported-sample-rate', /384000 Hz/);
    assert.equal(decodeWav(buildWav({ sampleRateHz: 8000 })).sampleRateHz, 8000);
    assert.equal(decodeWav(buildWav({ sampleRateHz: 192_000 })).sampleRateHz, 192_000);
  });

  it('starts messages with "The file" when no name is given', () => {
    assert.throws(() => decodeWav(new Uint8Array(3)), /^AudioInputError: The file /);
  });
});
