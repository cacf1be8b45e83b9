// Time on task: wall time while the tab is visible. A hidden tab (another tab, a minimised
// window) stops the clock, so a record left open over lunch does not count as an hour of work.

export interface VisibilitySource {
  hidden: boolean;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

export class TaskTimer {
  private spentMs = 0;
  private runningSince: number | null = null;
  private readonly onVisibility = () => (this.visibility.hidden ? this.pause() : this.resume());

  constructor(
    private readonly visibility: VisibilitySource,
    private readonly now: () => number = () => performance.now(),
  ) {
    visibility.addEventListener("visibilitychange", this.onVisibility);
    if (!visibility.hidden) this.runningSince = this.now();
  }

  // Starts over from `alreadySpentMs` (a reopened response keeps its earlier time).
  restart(alreadySpentMs = 0): void {
    this.spentMs = alreadySpentMs;
    this.runningSince = this.visibility.hidden ? null : this.now();
  }

  elapsedMs(): number {
    const running = this.runningSince === null ? 0 : this.now() - this.runningSince;
    return Math.round(this.spentMs + running);
  }

  dispose(): void {
    this.visibility.removeEventListener("visibilitychange", this.onVisibility);
  }

  private pause(): void {
    if (this.runningSince === null) return;
    this.spentMs += this.now() - this.runningSince;
    this.runningSince = null;
  }

  private resume(): void {
    if (this.runningSince === null) this.runningSince = this.now();
  }
}
