// What every Assurance view is given: the state (from the URL), the date its numbers are as of,
// where to draw, and how to change the state or hand over to the topology.
import type { AssuranceState } from './assurance-state.js';

export interface AreaContext {
  readonly state: AssuranceState;
  /** The date every number is as of (the state's, else today). */
  readonly asOf: string;
  /** The CAF profile rated against (the state's, else the shipped baseline profile). */
  readonly profile: string;
  readonly main: HTMLElement;
  readonly detail: HTMLElement;
  /** Changes the state (and the URL); `redraw` draws the view again. */
  set(patch: Partial<AssuranceState>, redraw?: boolean): void;
  /** Switches to the Explore tab and lights up these elements of the topology. */
  showOnTopology(ids: string[], label: string): void;
  /** Switches to the Explore tab with zones coloured by their SL gap, this zone selected. */
  showZoneGap(zone?: string): void;
}

export const DEFAULT_PROFILE = 'caf-baseline';

/** Today as a UTC calendar day, as the API defaults asOf. */
export const today = () => new Date().toISOString().slice(0, 10);
