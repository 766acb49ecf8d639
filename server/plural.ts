// "1 SIF", "3 SIFs", "1 entity", "2 entities": counts in messages people read.
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
