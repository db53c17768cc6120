// Catches a rendering error in the page below it and shows a way out instead of a
// blank screen. Keyed by path in AppShell, so moving to another page resets it.
import { Component, type ComponentChildren } from 'preact';

interface ErrorBoundaryProps {
  children: ComponentChildren;
}

interface ErrorBoundaryState {
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static override getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Page failed to render', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section class="panel" role="alert">
        <h1>This page could not be shown</h1>
        <p>Something went wrong while showing this page. Reload to try again; if it keeps happening, tell your administrator.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload page
        </button>
      </section>
    );
  }
}
