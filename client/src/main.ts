// Entry point of the web explorer.
import './styles.css';
// The Assurance area's styles are needed before its code: the zone panel and the layout use them.
import './assurance/assurance.css';
import { App } from './app.js';
import { byId } from './dom.js';

const app = new App();

declare global {
  interface Window {
    /** A read-only handle for the browser tests and for curious engineers in the console. */
    interlock?: { app: App; readonly ready: boolean; readonly cy: App['canvas']['cy']; readonly timings: App['canvas']['timings']; highlighted(): string[] };
  }
}

window.interlock = {
  app,
  get ready() {
    return app.ready;
  },
  get cy() {
    return app.canvas.cy;
  },
  get timings() {
    return app.canvas.timings;
  },
  highlighted: () => app.highlighted(),
};

app.start().catch((error: unknown) => {
  const status = byId('status');
  status.textContent = `Could not load the site: ${error instanceof Error ? error.message : String(error)}`;
  status.classList.add('error');
});
