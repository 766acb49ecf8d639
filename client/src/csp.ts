// The explorer runs under a Content-Security-Policy with neither eval nor inline styles
// (server/plugins/security-headers.ts). Two libraries would try one each at start: zod probes
// `new Function` for its JIT (jitless parses the same way without it), and Cytoscape injects a
// <style> for its container unless an element with this id exists (#cy is positioned in
// styles.css). Imported first, before either library runs.
import { config } from 'zod';

config({ jitless: true });
const marker = document.createElement('meta');
marker.id = '__________cytoscape_stylesheet';
document.head.append(marker);
