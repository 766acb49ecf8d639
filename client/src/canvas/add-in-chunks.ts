// Adds a large view to Cytoscape a slice at a time. Added at once, 5,000 elements froze the page
// for seconds: their styles are computed lazily, all together, on the first fit, and the first
// frame then builds every texture. A slice at a time, with the event loop free in between, the
// page keeps answering and shows how far the drawing got.
import type { Core, ElementDefinition } from 'cytoscape';

export interface ChunkOptions {
  /** Elements per slice. */
  size: number;
  /**
   * Slices between two frames of the graph. Each frame of the WebGL renderer uploads its partly
   * filled texture atlases whole again, so a frame after every slice costs more than the slices
   * do; a frame every few slices still spreads the texture building over the draw.
   */
  framesEvery: number;
  progress(done: number, total: number): void;
  /** True once a newer view replaced this one: stop adding. */
  superseded(): boolean;
}

/** Lets the browser paint (the progress, maybe the graph) and answer input before the next slice. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Adds the definitions in their order, which must put nodes before edges and parents before
 * children (as the server's views do), so that each slice finds what it refers to. Resolves
 * false when superseded.
 */
export async function addInChunks(cy: Core, defs: ElementDefinition[], options: ChunkOptions): Promise<boolean> {
  for (let slice = 0; slice * options.size < defs.length; slice += 1) {
    const t0 = performance.now();
    const start = slice * options.size;
    let added = cy.collection();
    cy.batch(() => {
      added = cy.add(defs.slice(start, start + options.size));
    });
    // Styles and measures the slice now (a bounding box needs both), not in a later frame.
    added.boundingBox();
    // Named in a performance profile, and read by the scale test.
    performance.measure('interlock:draw-slice', { start: t0 });
    options.progress(Math.min(defs.length, start + options.size), defs.length);
    // Cytoscape does not draw while a batch is open, whatever the browser paints meanwhile.
    const hold = (slice + 1) % options.framesEvery !== 0;
    if (hold) cy.startBatch();
    await nextFrame();
    if (hold) cy.endBatch();
    if (options.superseded()) return false;
  }
  return true;
}
