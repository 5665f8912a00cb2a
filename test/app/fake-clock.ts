import type { Clock } from '../../app/scheduler.js';

/** A clock whose time moves only when the test says so; due timers fire in order. */
export class FakeClock implements Clock {
  private time: number;
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;

  constructor(start: string) {
    this.time = Date.parse(start);
  }

  now(): Date {
    return new Date(this.time);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Pending timers, as ISO times. */
  pending(): string[] {
    return this.timers.map((timer) => new Date(timer.at).toISOString());
  }

  /** Moves time forward to `until`, firing every timer due on the way and letting its promises settle. */
  async advanceTo(until: string): Promise<void> {
    const end = Date.parse(until);
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = end;
  }
}
