// Settings view placeholder: analysis thresholds and defaults are planned.

import type { ReactElement } from 'react';
import { ComingSoon } from '../components/ComingSoon';

export function SettingsView(): ReactElement {
  return (
    <ComingSoon
      title="Settings"
      summary="Settings will let you choose which channel carries the agent by default and tune what counts as an interruption, a backchannel and dead air."
    />
  );
}
