// Records the page's long main-thread tasks (over 50 ms, as the browser's Long Tasks API defines
// them) from the first script on, so a test can ask how long the page was frozen while it drew.
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    longTasks?: LongTask[];
  }
}

/** Starts recording in every document the page opens from now on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: LongTask[] = [];
    window.longTasks = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks that overlap [from, to] (page time, ms), longest first. */
export const longTasksBetween = (page: Page, from: number, to: number) => page.evaluate(([a, b]) =>
  (window.longTasks ?? []).filter((t) => t.start < b && t.start + t.duration > a).sort((x, y) => y.duration - x.duration), [from, to] as const);
