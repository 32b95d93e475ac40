import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** what the widget is, for the message: "the softmax explorer" */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Around every widget: if one fails, the learner reads a short message and keeps the rest of the
 * chapter, instead of a blank page. "Try again" remounts the widget with the store's inputs.
 */
export class WidgetBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the learner sees the message below.
    console.warn(`Widget "${this.props.name}" failed:`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="widget widget-failed" role="alert">
        <p>
          Sorry: {this.props.name} stopped working ({this.state.error.message}). The rest of the chapter
          still works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
