// Names people read for the transcript cues, the scorecard's points and their verdicts.

import type { ScorecardPointKey, ScorecardVerdict } from './scorecard';
import type { TranscriptCueType } from './transcript';
import { assertNever } from './assert-never';

export function cueLabel(type: TranscriptCueType): string {
  switch (type) {
    case 'fast-pace':
      return 'Fast pace';
    case 'filler':
      return 'Filler';
    case 'empathy':
      return 'Empathy';
    case 'paraphrase':
      return 'Check-back';
    case 'open-question':
      return 'Open question';
    case 'closed-question':
      return 'Closed question';
    case 'defensive':
      return 'Defensive';
    case 'thanks':
      return 'Thanks';
    case 'intent-to-help':
      return 'Intent to help';
    case 'options-offered':
      return 'Options';
    case 'name-used':
      return 'Name used';
    case 'next-step':
      return 'Next step';
    default:
      return assertNever(type);
  }
}

/** Cues that are usually worth more of (good), less of (improve), or neither. */
export function cueTone(type: TranscriptCueType): ScorecardVerdict {
  switch (type) {
    case 'fast-pace':
    case 'filler':
    case 'defensive':
      return 'improve';
    case 'closed-question':
      return 'info';
    case 'empathy':
    case 'paraphrase':
    case 'open-question':
    case 'thanks':
    case 'intent-to-help':
    case 'options-offered':
    case 'name-used':
    case 'next-step':
      return 'good';
    default:
      return assertNever(type);
  }
}

export function pointLabel(key: ScorecardPointKey): string {
  switch (key) {
    case 'pace':
      return 'Pace';
    case 'fillers':
      return 'Fillers';
    case 'empathy':
      return 'Empathy';
    case 'paraphrase':
      return 'Checking back';
    case 'questions':
      return 'Questions';
    case 'defensive':
      return 'Defensive language';
    case 'acknowledgement':
      return 'Thanks and help';
    case 'options':
      return 'Options';
    case 'name':
      return "Customer's name";
    case 'next-step':
      return 'Next steps';
    case 'talk-ratio':
      return 'Talk ratio';
    case 'interruptions':
      return 'Interruptions';
    case 'response-gap':
      return 'Response gap';
    case 'dead-air':
      return 'Dead air';
    default:
      return assertNever(key);
  }
}

export function verdictLabel(verdict: ScorecardVerdict): string {
  switch (verdict) {
    case 'good':
      return 'Good';
    case 'improve':
      return 'To improve';
    case 'info':
      return 'Note';
    default:
      return assertNever(verdict);
  }
}
