// Every migration, in order. Append new ones; never edit or reorder a shipped one.

import { migration0001Calls } from './0001-calls';
import { migration0002Settings } from './0002-settings';
import { migration0003Transcripts } from './0003-transcripts';
import { migration0004TranscriptionState } from './0004-transcription-state';
import { migration0005CallImports } from './0005-call-imports';
import { migration0006ListeningScore } from './0006-listening-score';
import { migration0007Annotations } from './0007-annotations';
import { migration0008CallOutcomes } from './0008-call-outcomes';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001Calls,
  migration0002Settings,
  migration0003Transcripts,
  migration0004TranscriptionState,
  migration0005CallImports,
  migration0006ListeningScore,
  migration0007Annotations,
  migration0008CallOutcomes,
];
