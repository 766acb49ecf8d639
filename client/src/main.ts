// Entry point of the web explorer.
import './csp.js';
import './styles.css';
// The Assurance area's styles are needed before its code: the zone panel and the layout use them.
import './assurance/assurance.css';
import { App } from './app.js';
import { byId } from './dom.js';
import { loadSession } from './signin/session.js';
import { showSignIn, showUser } from './signin/sign-in-page.js';

declare global {
  interface Window {
    /** A read-only handle for the browser tests and for curious engineers in the console. */
    interlock?: { app: App; readonly ready: boolean; readonly cy: App['canvas']['cy']; readonly timings: App['canvas']['timings']; highlighted(): string[] };
  }
}

async function start(): Promise<void> {
  const session = await loadSession();
  if (!session) return showSignIn();
  showUser(session);
  const app = new App();
  expose(app);
  await app.start();
}

function expose(app: App): void {
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
}

start().catch((error: unknown) => {
  const status = byId('status');
  status.textContent = `Could not load the site: ${error instanceof Error ? error.message : String(error)}`;
  status.classList.add('error');
});
