// One channel's input level, so a silent or swapped channel is obvious before the call starts.

import type { ReactElement } from 'react';
import '../styles/level-meter.css';

/** The meter spans −60 … 0 dBFS; quieter than −60 reads as empty. */
const FLOOR_DB = -60;
/** Below this peak a channel counts as silent (a live microphone's room noise sits above it). */
export const SILENT_BELOW_DB = -70;

export interface LevelMeterProps {
  label: string;
  speaker: 'agent' | 'customer';
  /** Peak dBFS, or null when nothing is captured. */
  levelDb: number | null;
}

export function LevelMeter({ label, speaker, levelDb }: LevelMeterProps): ReactElement {
  const fraction = levelDb === null ? 0 : Math.max(0, Math.min(1, (levelDb - FLOOR_DB) / -FLOOR_DB));
  const silent = levelDb !== null && levelDb < SILENT_BELOW_DB;
  return (
    <div className={`level-meter level-meter-${speaker}`}>
      <div className="level-meter-head">
        <span className="level-meter-label">{label}</span>
        <span className="level-meter-value" data-testid={`level-${speaker}`} data-value={levelDb ?? ''}>
          {levelDb === null ? 'off' : silent ? 'silent' : `${Math.round(levelDb)} dB`}
        </span>
      </div>
      <div className="level-meter-track" role="meter" aria-label={`${label} level`} aria-valuemin={FLOOR_DB} aria-valuemax={0} aria-valuenow={levelDb ?? FLOOR_DB}>
        {/* scaleX, not width: a level change then needs no layout. */}
        <div className="level-meter-fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
    </div>
  );
}
