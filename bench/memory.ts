// Peak memory of this Node process during the run, sampled: process.memoryUsage() has no high
// water mark of its own. The interval is unref'd so it never keeps the process alive.
export interface MemoryPeak {
  rssMb: number;
  heapUsedMb: number;
}

export function sampleMemory(everyMs = 100): { peak: () => MemoryPeak; stop: () => void } {
  const peak = { rssMb: 0, heapUsedMb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rssMb = Math.max(peak.rssMb, m.rss / 2 ** 20);
    peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 2 ** 20);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  const peakNow = () => {
    sample();
    return { rssMb: Math.round(peak.rssMb), heapUsedMb: Math.round(peak.heapUsedMb) };
  };
  return { peak: peakNow, stop: () => clearInterval(timer) };
}
