// Library view placeholder: saved analyses are planned.

import type { ReactElement } from 'react';
import { ComingSoon } from '../components/ComingSoon';

export function LibraryView(): ReactElement {
  return (
    <ComingSoon
      title="Library"
      summary="The library will keep the calls you have analysed on this computer, so agents and supervisors can reopen them and follow trends across calls."
    />
  );
}
