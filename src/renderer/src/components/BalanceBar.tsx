// Talk/listen balance bar with the target band: the agent's share fills from the left, the band
// marks where the agent's share should stay (0 … targetAgentShareMax).

import type { ReactElement } from 'react';
import '../styles/balance-bar.css';

export interface BalanceBarProps {
  /** Agent talk ÷ all talk (0–1); null before anybody spoke. */
  agentShare: number | null;
  /** Upper edge of the target band for the agent's share. */
  targetAgentShareMax: number;
  compact?: boolean;
}

export function BalanceBar({ agentShare, targetAgentShareMax, compact = false }: BalanceBarProps): ReactElement {
  const within = agentShare === null || agentShare <= targetAgentShareMax;
  return (
    <div
      className={`live-balance${compact ? ' live-balance-compact' : ''}`}
      role="meter"
      aria-label="Agent share of talk"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={agentShare === null ? undefined : Math.round(agentShare * 100)}
      aria-valuetext={agentShare === null ? 'Nobody has spoken yet' : `Agent ${Math.round(agentShare * 100)}% of talk, target at most ${Math.round(targetAgentShareMax * 100)}%`}
      data-testid="balance-bar"
      data-value={agentShare ?? ''}
      data-within-target={within}
    >
      {/* Widths go through the CSSOM (React style prop), which the CSP's style-src does not restrict. */}
      <div className="live-balance-band" style={{ width: `${targetAgentShareMax * 100}%` }} title="Target: agent at most this share" />
      {agentShare !== null && <div className={`live-balance-fill${within ? '' : ' live-balance-over'}`} style={{ width: `${agentShare * 100}%` }} />}
      <div className="live-balance-edge" style={{ left: `${targetAgentShareMax * 100}%` }} />
    </div>
  );
}
