// Catches what a screen throws while rendering (useLiveQuery rethrows an IndexedDB failure into
// render) and shows a translated error with Retry instead of blanking the whole till. The frame,
// the menu and the lock stay usable; Retry renders the screen again, re-running its queries.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** When it changes (e.g. another route), a caught error is forgotten. */
  resetKey?: string;
  onError?(error: unknown, info: ErrorInfo): void;
}

interface State {
  error: unknown;
  resetKey: string | undefined;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
    console.error('screen failed', error, info.componentStack);
  }

  private readonly retry = (): void => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    if (this.state.error) return <ScreenError error={this.state.error} onRetry={this.retry} />;
    // A new key on retry remounts the subtree, so hooks start over instead of reusing failed state.
    return <ResetScope key={this.state.attempt}>{this.props.children}</ResetScope>;
  }
}

function ResetScope({ children }: { children: ReactNode }) {
  return children;
}

/** The error's name for the message: DOMException names ("QuotaExceededError") are the useful part. */
export function errorReason(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' && error.name !== 'Error') return error.name;
  if (error instanceof Error && error.message) return error.message.slice(0, 200);
  return 'unknown';
}

function ScreenError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="card stack screen-error" role="alert">
      <p className="error">{t('common.error', { reason: errorReason(error) })}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </div>
  );
}
