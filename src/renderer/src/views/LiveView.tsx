// Live view placeholder: real-time coaching during a call is planned.

import type { ReactElement } from 'react';
import { ComingSoon } from '../components/ComingSoon';

export function LiveView(): ReactElement {
  return (
    <ComingSoon
      title="Live"
      summary="Live coaching will listen to a call while it happens and show talk balance, interruptions and dead air as they occur, with gentle prompts for the agent."
    />
  );
}
