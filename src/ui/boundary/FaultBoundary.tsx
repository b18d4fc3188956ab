import { Component, type ReactNode } from 'react';
import { ChunkLoadError } from './loadChunk.ts';
import { RetryCount } from './retryCount.ts';

interface FaultBoundaryProps {
  /** What is inside, as a sentence names it: "The Apoptosis (Annexin V / PI) view", "The plot FSC-A vs SSC-A". */
  what: string;
  /** A whole view, or one plot: sets the size of the notice. */
  size: 'view' | 'plot';
  children: ReactNode;
}

/**
 * Keeps a fault local: when what is inside fails to render (or its code fails to load), it alone is replaced by a
 * plain sentence with "Try again" and "Reload the page"; everything around it keeps working. The internal error
 * is never shown (React still reports it on the console).
 */
export class FaultBoundary extends Component<FaultBoundaryProps, { error: unknown; failed: boolean; retries: number }> {
  override state = { error: null as unknown, failed: false, retries: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return <RetryCount value={this.state.retries}>{this.props.children}</RetryCount>;
    const { what, size } = this.props;
    const reason =
      this.state.error instanceof ChunkLoadError
        ? `${what} could not be loaded: the connection may be offline, or FlowFate was updated since this page was opened.`
        : `${what} stopped because of a fault in FlowFate.`;
    return (
      <div role="alert" className={`fault-notice ${size}`}>
        <p>
          {reason} Everything else still works and your work is saved.
        </p>
        <button type="button" className="button" onClick={() => this.setState((s) => ({ error: null, failed: false, retries: s.retries + 1 }))}>
          Try again
        </button>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
