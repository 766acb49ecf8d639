// Readable labels for ids in explanations: "Control room HMI (hmi-01)", "rule r-esd (seq 10)".
import type { Tx } from '../db/client.js';

export class Names {
  private constructor(
    private readonly known: Map<string, { name: string | null; seq: number | null }>,
    private readonly noted?: Set<string>,
  ) {}

  /**
   * A stand-in that only notes which ids a wording pass names: shaping once with it tells which
   * names to look up (a fleet-wide patch names a fraction of the ids its rows carry).
   */
  static recorder(): Names {
    return new Names(new Map(), new Set());
  }

  /** The ids a recorder was asked to name. */
  get asked(): string[] {
    return [...(this.noted ?? [])];
  }

  static async load(tx: Tx, ids: Iterable<string>): Promise<Names> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await tx.run('impact/names', { ids: unique }) : [];
    return new Names(new Map(rows.map((r) => [r.id as string, { name: r.name, seq: r.seq }])));
  }

  /** "Name (id)" for named entities; "rule id (seq n)" for rules; the bare id otherwise. */
  of(id: string | null | undefined): string {
    if (!id) return 'the default action';
    this.noted?.add(id);
    const k = this.known.get(id);
    if (k?.name) return `${k.name} (${id})`;
    if (k?.seq !== null && k?.seq !== undefined) return `rule ${id} (seq ${k.seq})`;
    return id;
  }

  list(ids: ReadonlyArray<string>, max = 5): string {
    const shown = ids.slice(0, max).map((id) => this.of(id));
    const more = ids.length > max ? ` and ${ids.length - max} more` : '';
    if (shown.length <= 1) return shown.join('') + more;
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}${more}`;
  }
}

export const silList = (sifs: ReadonlyArray<{ id: string; sil: number }>, names: Names): string =>
  sifs.map((s) => `${names.of(s.id)}, SIL ${s.sil}`).join('; ');
