// What the report must show for an analysis, keyed by data-testid, formatted with the renderer's own
// formatters so the test checks the numbers, not a second copy of the rounding rules.

import type { Page } from '@playwright/test';
import type { CallAnalysis } from '../../../src/shared/call-analysis';
import { formatClock, formatDuration, formatGap, NO_VALUE, talkShares } from '../../../src/renderer/src/lib/format';
import { expect } from './attune-fixture';

export function expectedReportTexts(analysis: CallAnalysis): Readonly<Record<string, string>> {
  const nobodySpoke = analysis.agent.talkMs + analysis.customer.talkMs === 0;
  const shares = talkShares(analysis.talkRatio);
  const countBy = (speaker: 'agent' | 'customer'): string => String(analysis.backchannels.filter((b) => b.by === speaker).length);
  return {
    'call-duration': formatClock(analysis.durationMs),
    'talk-ratio': nobodySpoke ? NO_VALUE : shares.agentPercent,
    'talk-ratio-customer': nobodySpoke ? NO_VALUE : shares.customerPercent,
    'interruptions-agent': String(analysis.agent.interruptions),
    'interruptions-customer': String(analysis.customer.interruptions),
    backchannels: String(analysis.backchannels.length),
    'backchannels-agent': countBy('agent'),
    'backchannels-customer': countBy('customer'),
    'longest-monologue-agent': formatDuration(analysis.agent.longestMonologueMs),
    'longest-monologue-customer': formatDuration(analysis.customer.longestMonologueMs),
    'response-gap-median': formatGap(analysis.responseGapMs.median),
    'response-gap-p90': formatGap(analysis.responseGapMs.p90),
    overlap: formatDuration(analysis.overlapMs),
    silence: formatDuration(analysis.silenceMs),
    'dead-air-count': String(analysis.deadAir.length),
    'dead-air-total': formatDuration(analysis.deadAir.reduce((sum, d) => sum + d.durationMs, 0)),
  };
}

/** Asserts every figure of the report and the timeline's markers against `analysis`. */
export async function expectReportToShow(page: Page, analysis: CallAnalysis): Promise<void> {
  const report = page.getByTestId('call-report');
  await expect(report).toBeVisible();
  for (const [testId, text] of Object.entries(expectedReportTexts(analysis))) {
    await expect(report.getByTestId(testId), testId).toHaveText(text);
  }
  // Raw values ride along as data attributes, so rounding cannot hide a wrong number.
  await expect(report.getByTestId('talk-ratio')).toHaveAttribute('data-value', String(analysis.talkRatio));
  await expect(report.getByTestId('longest-monologue-agent')).toHaveAttribute('data-value', String(analysis.agent.longestMonologueMs));
  await expect(report.getByTestId('overlap')).toHaveAttribute('data-value', String(analysis.overlapMs));

  const timeline = report.getByTestId('timeline');
  await expect(timeline.locator('[data-testid="timeline-segment"][data-speaker="agent"]')).toHaveCount(analysis.agent.segments.length);
  await expect(timeline.locator('[data-testid="timeline-segment"][data-speaker="customer"]')).toHaveCount(analysis.customer.segments.length);
  for (const by of ['agent', 'customer'] as const) {
    await expect(timeline.locator(`[data-testid="timeline-interruption"][data-by="${by}"]`)).toHaveCount(
      analysis.interruptions.filter((i) => i.by === by).length,
    );
  }
  await expect(timeline.getByTestId('timeline-backchannel')).toHaveCount(analysis.backchannels.length);
  await expect(timeline.getByTestId('timeline-dead-air')).toHaveCount(analysis.deadAir.length);
}
