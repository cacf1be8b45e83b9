import { describe, expect, it } from "vitest";
import { TaskTimer, type VisibilitySource } from "./timer";

class FakeDocument implements VisibilitySource {
  hidden = false;
  private listeners: (() => void)[] = [];
  addEventListener(_type: "visibilitychange", listener: () => void) {
    this.listeners.push(listener);
  }
  removeEventListener(_type: "visibilitychange", listener: () => void) {
    this.listeners = this.listeners.filter((other) => other !== listener);
  }
  setHidden(hidden: boolean) {
    this.hidden = hidden;
    this.listeners.forEach((listener) => listener());
  }
}

describe("TaskTimer", () => {
  it("does not count time while the tab is hidden", () => {
    let now = 1000;
    const page = new FakeDocument();
    const timer = new TaskTimer(page, () => now);
    now += 4000;
    page.setHidden(true);
    now += 60_000;
    page.setHidden(false);
    now += 1000;
    expect(timer.elapsedMs()).toBe(5000);
  });

  it("restarts from a reopened response's time", () => {
    let now = 0;
    const page = new FakeDocument();
    const timer = new TaskTimer(page, () => now);
    now = 500;
    timer.restart(7000);
    now = 1500;
    expect(timer.elapsedMs()).toBe(8000);
    timer.dispose();
    page.setHidden(true);
    now = 2500;
    expect(timer.elapsedMs()).toBe(9000);
  });
});
