import { Component, type ReactNode } from "react";

type Props = { children: ReactNode; fallback: (retry: () => void) => ReactNode };

/**
 * The root's crash tier: what it holds is replaced by `fallback` when a render throws, until
 * Retry renders it afresh. A class because only a class can catch a render error in React 19;
 * written here rather than taken from react-error-boundary, whose resets by key, hooks and
 * error callbacks (none used at the root) were 0.4 KB gzip of the first load. React itself
 * reports the error to the console.
 */
export class CrashBoundary extends Component<Props, { crashed: boolean }> {
  state = { crashed: false };

  static getDerivedStateFromError() {
    return { crashed: true };
  }

  retry = () => this.setState({ crashed: false });

  render() {
    return this.state.crashed ? this.props.fallback(this.retry) : this.props.children;
  }
}
