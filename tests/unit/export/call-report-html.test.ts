// The exported call report (pure): self-contained, escaped, with the figures in the shared time
// format, targets, scorecard, annotations, transcript cues, and an uncluttered timeline picture.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Annotation } from '../../../src/shared/annotations';
import type { StoredCall } from '../../../src/shared/calls';
import type { CallTranscript } from '../../../src/shared/transcription';
import type { TranscriptWord } from '../../../src/shared/transcript';
import { formatClock, formatDuration } from '../../../src/shared/time-format';
import { callReportTitle, renderCallReportHtml, type CallReportData } from '../../../src/main/export/call-report-html';
import { renderTimelineSvg } from '../../../src/main/export/timeline-svg';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import { buildScorecard } from '../../../src/main/transcript/scorecard';
import { sampleCall } from '../../db/store-fixtures';

const GENERATED_AT = '2026-12-01T15:00:00.000Z';

function call(): StoredCall {
  return { id: 7, ...sampleCall() };
}

function words(): TranscriptWord[] {
  const said = (channel: 'agent' | 'customer', startMs: number, text: string): TranscriptWord[] =>
    text.split(' ').map((word, index) => ({ channel, word, startMs: startMs + index * 300, endMs: startMs + index * 300 + 250, conf: 0.9 }));
  return [
    ...said('agent', 1_000, 'how can i help you today'),
    ...said('customer', 22_000, 'my card was charged twice'),
    ...said('agent', 41_000, 'i understand how frustrating that is'),
  ];
}

function transcript(): CallTranscript {
  const w = words();
  const cues = detectTranscriptCues(w, { durationMs: call().durationMs });
  return { callId: 7, state: 'done', problem: null, words: w, cues, scorecard: buildScorecard(w, cues, call().metrics) };
}

function annotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: 1,
    callId: 7,
    startMs: 40_500,
    endMs: 47_500,
    text: 'Cut in here — <script>alert("x")</script> let her finish',
    tags: ['interrupted', 'great empathy'],
    author: 'Sam <sup>',
    createdAt: '2026-12-01T14:00:00.000Z',
    updatedAt: '2026-12-01T14:00:00.000Z',
    ...overrides,
  };
}

function render(data: Partial<CallReportData> = {}): string {
  return renderCallReportHtml({ call: call(), transcript: transcript(), annotations: [annotation()], ...data }, { generatedAt: GENERATED_AT });
}

describe('call report HTML', () => {
  it('is self-contained: no scripts, no external resources, a CSP that forbids them', () => {
    const html = render();
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(?:src|href)\s*=/i);
    assert.doesNotMatch(html, /url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  });

  it('escapes everything people typed (annotation text, author) so it can never become markup', () => {
    const html = render();
    assert.ok(html.includes('Cut in here — &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; let her finish'));
    assert.ok(html.includes('Sam &lt;sup&gt;'));
  });

  it('shows the metrics in the shared time format, the targets and what to work on next', () => {
    const html = render();
    const c = call();
    assert.ok(html.includes(callReportTitle(c).replace('—', '—')));
    assert.ok(html.includes(`<strong data-field="call-length">${formatClock(c.durationMs)}</strong>`));
    assert.ok(html.includes(`<td>${formatDuration(c.metrics.agent.longestMonologueMs)}</td>`));
    assert.ok(html.includes('<td>44%</td><td>56%</td>'));
    // sampleMetrics: the agent interrupted twice, so that is the first thing to work on.
    assert.match(html, /<strong>Work on next:<\/strong> Agent interruptions: Let the customer finish: the agent cut in 2 times/);
    assert.match(html, /<tr data-target="interruptions">.*<td class="signal signal-needs-work">Needs work<\/td>/);
    assert.match(html, /<tr data-target="talk-ratio">.*<td class="signal signal-good">Good<\/td>/);
  });

  it('lists the annotations with their time range, tags, author, and numbers them on the timeline', () => {
    const html = render({ annotations: [annotation({ id: 2, startMs: 60_000, endMs: null, text: 'Second', tags: [] }), annotation()] });
    assert.match(html, /<h2>Annotations \(2\)<\/h2>/);
    // In time order: the 0:40–0:47 range is number 1, the note at 1:00 number 2.
    assert.match(html, /<span class="number">1<\/span> <span class="time">0:40–0:47<\/span> <span class="tags"><span class="tag">interrupted<\/span> <span class="tag">great empathy<\/span><\/span>/);
    assert.match(html, /<span class="number">2<\/span> <span class="time">1:00<\/span>/);
    assert.match(html, /<title>Annotation 1 at 0:40–0:47<\/title>/);
    assert.match(html, /<title>Annotation 2 at 1:00<\/title>/);
  });

  it('includes the scorecard and the transcript with its cues marked', () => {
    const html = render();
    assert.match(html, /<h2>Listening scorecard<\/h2>/);
    assert.match(html, /<strong>Empathy<\/strong>/);
    assert.match(html, /<mark title="Empathy">i understand how<\/mark><sup class="cue">Empathy<\/sup> frustrating that is/);
    assert.match(html, /<td class="time">0:22<\/td><th scope="row" class="customer">Customer<\/th><td>my card was charged twice<\/td>/);
  });

  it('says why there is no transcript or scorecard, and that a call has no annotations', () => {
    const none = render({ transcript: { callId: 7, state: 'none', problem: null, words: [], cues: [], scorecard: null }, annotations: [] });
    assert.match(none, /This call has no transcript \(no speech model was installed when it was stored\)\./);
    assert.match(none, /No annotations\./);
    const failed = render({ transcript: { callId: 7, state: 'failed', problem: 'the model could not be loaded', words: [], cues: [], scorecard: null } });
    assert.match(failed, /Transcription failed: the model could not be loaded/);
  });

  it('lists the cards shown and the notes taken during the live call', () => {
    const html = render();
    assert.match(html, /<span class="time">0:46<\/span> <span class="kind">Card shown<\/span> Let them finish/);
    assert.match(html, /<span class="time">0:12<\/span> <span class="kind">Agent's note<\/span> \(moment marked\)/);
  });
});

describe('timeline picture', () => {
  const metrics = call().metrics;

  it('draws every segment, interruption, backchannel and dead-air stretch', () => {
    const svg = renderTimelineSvg(metrics);
    const count = (pattern: RegExp): number => (svg.match(pattern) ?? []).length;
    assert.equal(count(/data-kind="segment" data-speaker="agent"/g), metrics.agent.segments.length);
    assert.equal(count(/data-kind="segment" data-speaker="customer"/g), metrics.customer.segments.length);
    assert.equal(count(/data-kind="interruption"/g), metrics.interruptions.length);
    assert.equal(count(/data-kind="backchannel"/g), metrics.backchannels.length);
    assert.equal(count(/data-kind="dead-air"/g), metrics.deadAir.length);
  });

  it('keeps the two sides’ interruption markers apart: agent ones above both lanes, customer ones below', () => {
    const svg = renderTimelineSvg(metrics);
    const laneYs = [...svg.matchAll(/<rect x="78" y="(\d+(?:\.\d+)?)" width="\d+(?:\.\d+)?" height="30"/g)].map((m) => Number(m[1]));
    assert.equal(laneYs.length, 2);
    const [agentTop = 0, customerTop = 0] = laneYs;
    for (const match of svg.matchAll(/data-kind="interruption" data-by="(agent|customer)" d="([^"]+)"/g)) {
      const ys = [...(match[2] ?? '').matchAll(/-?\d+(?:\.\d+)? (-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      if (match[1] === 'agent') assert.ok(Math.max(...ys) <= agentTop, `agent marker ${ys.join(',')} above ${agentTop}`);
      else assert.ok(Math.min(...ys) >= customerTop + 30, `customer marker ${ys.join(',')} below ${customerTop + 30}`);
    }
  });

  it('labels the axis with times at least 70 px apart, so the labels never run together', () => {
    for (const durationMs of [4_000, 95_430, 238_000, 3_700_000]) {
      const svg = renderTimelineSvg({ ...metrics, durationMs });
      const xs = [...svg.matchAll(/<text class="tick" x="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
      assert.ok(xs.length >= 2, `${durationMs}: ${xs.length} ticks`);
      for (let i = 1; i < xs.length; i += 1) assert.ok((xs[i] ?? 0) - (xs[i - 1] ?? 0) >= 70, `${durationMs}: ticks ${xs.join(',')}`);
    }
  });
});
