// Dotted version comparison for patch selectors ("versionBelow"): numeric parts compare as
// numbers (11.10 > 11.9), other parts as text. Pure.
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-+_]/);
  const pb = b.split(/[.\-+_]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const diff = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export const isVersionBelow = (version: string | null | undefined, bound: string): boolean =>
  typeof version === 'string' && compareVersions(version, bound) < 0;
