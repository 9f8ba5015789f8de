// Recognising an audio file by its first bytes: WAV, MP3 (with and without an ID3 tag, longer than the
// probe too), Ogg Opus and Ogg Vorbis with their channel counts from the codec headers, and the formats
// Attune can only name (M4A, ADTS AAC, FLAC…). Headers are built byte by byte as the specs lay them out.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectAudioFormat, mp3FrameSearchStart } from '../../../src/main/audio/audio-format';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz; channel mode 0 stereo … 3 mono. */
function mp3Frame(channelMode: 0 | 1 | 2 | 3): Uint8Array {
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, channelMode << 6]);
  return frame;
}

function id3Tag(bodyBytes: number): Uint8Array {
  const tag = new Uint8Array(10 + bodyBytes);
  tag.set(ascii('ID3'));
  tag.set([4, 0, 0], 3);
  // Syncsafe size: 7 bits per byte.
  tag.set([(bodyBytes >> 21) & 0x7f, (bodyBytes >> 14) & 0x7f, (bodyBytes >> 7) & 0x7f, bodyBytes & 0x7f], 6);
  return tag;
}

/** The first Ogg page with one packet: the codec's identification header. */
function oggPage(packet: number[]): Uint8Array {
  const header = [...ascii('OggS'), 0, 2, ...new Array<number>(20).fill(0), 1, packet.length];
  return Uint8Array.from([...header, ...packet]);
}

const opusHead = (channels: number): number[] => [...ascii('OpusHead'), 1, channels, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0];
const vorbisId = (channels: number): number[] => [1, ...ascii('vorbis'), 0, 0, 0, 0, channels, 0x44, 0xac, 0, 0];

const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('detectAudioFormat', () => {
  it('recognises WAV by its RIFF/RF64/BW64 header, whatever the rest', () => {
    for (const magic of ['RIFF', 'RF64', 'BW64']) assert.deepEqual(detectAudioFormat(Uint8Array.from(ascii(`${magic}\0\0\0\0WAVE`))), { tag: 'wav' });
  });

  it('reads the MP3 channel mode: stereo, joint stereo and dual channel are 2, single channel 1', () => {
    assert.deepEqual(detectAudioFormat(mp3Frame(0)), { tag: 'mp3', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(mp3Frame(1)), { tag: 'mp3', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(mp3Frame(2)), { tag: 'mp3', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(mp3Frame(3)), { tag: 'mp3', channelCount: 1 });
  });

  it('finds the first MP3 frame after an ID3 tag, and after one longer than the probe when given the bytes past it', () => {
    assert.deepEqual(detectAudioFormat(concat(id3Tag(300), mp3Frame(3))), { tag: 'mp3', channelCount: 1 });
    const longTag = id3Tag(100_000);
    const probe = longTag.subarray(0, 64 * 1024);
    assert.equal(mp3FrameSearchStart(probe), 100_010);
    assert.deepEqual(detectAudioFormat(probe, mp3Frame(0)), { tag: 'mp3', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(probe), { tag: 'unknown' });
  });

  it('reads the channel count of Ogg Opus and Ogg Vorbis from their identification headers', () => {
    assert.deepEqual(detectAudioFormat(oggPage(opusHead(2))), { tag: 'ogg-opus', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(oggPage(opusHead(1))), { tag: 'ogg-opus', channelCount: 1 });
    assert.deepEqual(detectAudioFormat(oggPage(vorbisId(2))), { tag: 'ogg-vorbis', channelCount: 2 });
    assert.deepEqual(detectAudioFormat(oggPage(vorbisId(1))), { tag: 'ogg-vorbis', channelCount: 1 });
  });

  it('names what it cannot import, with what to do; M4A and ADTS AAC say why AAC is out', () => {
    const cases: [string, Uint8Array][] = [
      ['M4A/MP4 (AAC)', Uint8Array.from([0, 0, 0, 0x18, ...ascii('ftypM4A ')])],
      ['AAC', Uint8Array.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc])],
      ['FLAC', Uint8Array.from(ascii('fLaC\0\0\0\x22'))],
      ['AIFF', Uint8Array.from(ascii('FORM\0\0\0\0AIFF'))],
      ['Ogg FLAC', oggPage([...ascii('\x7fFLAC'), 1, 0])],
      ['Ogg with an unknown codec', oggPage(ascii('Theora'))],
    ];
    for (const [name, head] of cases) {
      const format = detectAudioFormat(head);
      assert.equal(format.tag, 'unsupported', name);
      if (format.tag !== 'unsupported') continue;
      assert.equal(format.name, name);
      assert.match(format.advice, /convert it to WAV \(keeping both channels\)/);
    }
    const m4a = detectAudioFormat(Uint8Array.from([0, 0, 0, 0x18, ...ascii('ftypM4A ')]));
    assert.ok(m4a.tag === 'unsupported' && /no permissively licensed AAC decoder/.test(m4a.advice));
  });

  it('calls text, random bytes and nothing at all unknown', () => {
    assert.deepEqual(detectAudioFormat(Uint8Array.from(ascii('these are meeting notes\n'))), { tag: 'unknown' });
    assert.deepEqual(detectAudioFormat(new Uint8Array(0)), { tag: 'unknown' });
    // A sync word with a reserved layer/rate is not an MP3 frame.
    assert.deepEqual(detectAudioFormat(Uint8Array.from([0xff, 0xe9, 0x0c, 0x00, 0, 0])), { tag: 'unknown' });
  });
});
