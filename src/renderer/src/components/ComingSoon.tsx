// Placeholder for a view that is planned but not built: says what will come, shows no made-up data.

import type { ReactElement, ReactNode } from 'react';

export interface ComingSoonProps {
  title: string;
  summary: string;
  children?: ReactNode;
}

export function ComingSoon({ title, summary, children }: ComingSoonProps): ReactElement {
  const id = `${title.toLowerCase().replace(/\W+/g, '-')}-title`;
  return (
    <section className="view" aria-labelledby={id}>
      <header className="view-header">
        <div>
          <h1 id={id}>{title}</h1>
          <p className="view-subtitle">Not available yet.</p>
        </div>
      </header>
      <div className="coming-soon">
        <p>{summary}</p>
        {children}
      </div>
    </section>
  );
}
