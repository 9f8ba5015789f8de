// A visible, announced error message (role="alert"), so failures are never silent.

import type { ReactElement } from 'react';

export interface ErrorAlertProps {
  title: string;
  message: string;
  onDismiss: () => void;
}

export function ErrorAlert({ title, message, onDismiss }: ErrorAlertProps): ReactElement {
  return (
    <div className="error-alert" role="alert" data-testid="analysis-error">
      <div className="error-alert-text">
        <p className="error-alert-title">{title}</p>
        <p className="error-alert-message" data-testid="analysis-error-message">
          {message}
        </p>
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
