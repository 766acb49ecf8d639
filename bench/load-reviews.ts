// npm run load:reviews: 20 people working through change requests at once against Interlock on
// loopback — 8 requesters raising, submitting, reassessing (merge imports of a zone the requests
// read keep making them stale) and implementing; 6 security and 6 safety approvers signing —
// while a merge import runs every few seconds. Prints p50/p95/p99 per route, the 5xx count (must be
// 0), and lost updates (must be 0): an implementation answered 200 whose rule is not on the
// conduit, a signature answered 200 with no audit entry, and the separation-of-duties invariants on
// every request. Exit 1 when any is not 0 or the audit chain does not verify.
//
//   npm run load:reviews                    # 40 s
//   npm run load:reviews -- --seconds 120
import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseArgs, runCli } from '../server/cli/cli-support.js';
import { logLine as log } from '../server/log-line.js';
import { approver, CONDUIT, newTally, PASSWORD, PATCHED, Person, requester, type Tally } from './load/review-people.js';
import { ms, summarize } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const Args = z.object({ seconds: z.coerce.number().int().min(10).max(3600).default(40) });
const PEOPLE = { engineer: 8, 'security-approver': 6, 'safety-approver': 6 } as const;

async function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/serve.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? '');
  const url = (await next()).replace(/^URL /, '');
  const token = (await next()).replace(/^TOKEN /, '');
  return { url, token, child };
}

function table(tally: Tally): { rows: string; fiveHundreds: number; total: number } {
  let fiveHundreds = 0;
  let total = 0;
  const rows = [...tally.samples.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([route, samples]) => {
    const s = summarize(samples);
    total += s.n;
    const statuses = [...(tally.statuses.get(route) ?? new Map<number, number>()).entries()].sort(([a], [b]) => a - b);
    fiveHundreds += statuses.filter(([c]) => c >= 500).reduce((n, [, k]) => n + k, 0);
    return `| ${route} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${statuses.map(([c, n]) => `${c}×${n}`).join(' ')} |`;
  });
  return { rows: ['| route | requests | p50 ms | p95 ms | p99 ms | answers |', '| --- | ---: | ---: | ---: | ---: | --- |', ...rows].join('\n'), fiveHundreds, total };
}

async function warmUp(admin: Person): Promise<void> {
  const window = { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' };
  for (const change of [
    { kind: 'patch', targets: [PATCHED], requiresReboot: true },
    { kind: 'firewall', conduit: CONDUIT, add: [{ id: 'load-warm-up', seq: 99, action: 'allow', protocol: 'tcp', src: { zone: 'z-ent' }, dst: { asset: 'dmz-hist-01' }, ports: 8443 }] },
  ]) {
    const { body } = await admin.call('POST', '/api/reviews', '/api/reviews', { title: 'warm-up', reason: 'warm-up', window, request: { change } });
    await admin.call('POST', '/api/reviews/:id/submit', `/api/reviews/${body.id}/submit`);
    await admin.call('GET', '/api/reviews/:id', `/api/reviews/${body.id}`);
    await admin.call('POST', '/api/reviews/:id/withdraw', `/api/reviews/${body.id}/withdraw`);
  }
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('load:reviews').description('20 people working through change requests while imports run; exit 1 on any 5xx or lost update.')
    .option('--seconds <n>', 'how long the people work', '40').parse(argv);
  const args = parseArgs(Args, program.opts());
  const server = await startServer();
  const admin = new Person(server.url, 'stack-admin', server.token, newTally());
  try {
    const tally = newTally();
    const people: Array<{ person: Person; role: keyof typeof PEOPLE; index: number }> = [];
    for (const [role, n] of Object.entries(PEOPLE) as Array<[keyof typeof PEOPLE, number]>) {
      for (let i = 0; i < n; i++) {
        const username = `${role.split('-')[0]}-${i + 1}`;
        await admin.call('POST', '/api/users', '/api/users', { username, roles: [role], password: PASSWORD });
        const issued = await admin.call('POST', '/api/users/:username/tokens', `/api/users/${username}/tokens`, { name: 'load:reviews', days: 1 });
        people.push({ person: new Person(server.url, username, String(issued.body.token), tally), role, index: i });
      }
    }
    const site = (await admin.call('GET', '/api/export', '/api/export')).body as { zones: Array<{ id: string }> };
    const zone = site.zones.find((z) => z.id === 'z-dmz')!;
    // One request of each kind raised, submitted and withdrawn first: a cold JVM plans each query
    // shape once (seconds), which is start-up, not load.
    await warmUp(admin);
    const until = Date.now() + args.seconds * 1000;
    log(`load:reviews: ${people.length} people for ${args.seconds} s against ${server.url}, a merge import of z-dmz every 5 s…`);
    const started = performance.now();
    let imports = 0;
    let importFailures = 0;
    const importer = (async () => {
      while (Date.now() < until - 2000) {
        await new Promise((done) => setTimeout(done, 5000));
        const res = await admin.call('POST', '/api/import?mode=merge', '/api/import?mode=merge', { zones: [{ ...zone, description: `load import ${++imports}` }] });
        if (res.status !== 200) {
          importFailures += 1;
          log(`import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    })();
    await Promise.all([
      importer,
      ...people.map(({ person, role, index }) => (role === 'engineer' ? requester(person, index, until, tally) : approver(person, role === 'safety-approver' ? 'safety' : 'security', until, tally))),
    ]);
    const seconds = (performance.now() - started) / 1000;

    // Lost updates: what was answered 200 must be in the graph and the audit log.
    const conduit = (await admin.call('GET', '/api/conduits/:id', `/api/conduits/${CONDUIT}`)).body as { rules: Array<{ id: string }> };
    const rules = new Set(conduit.rules.map((r) => r.id));
    let lostImplementations = [...tally.implemented.values()].filter((i) => i.rule && !rules.has(i.rule)).length;
    for (const i of [...tally.implemented.values()].filter((x) => x.version)) {
      const changes = (await admin.call('GET', '/api/revisions/:number/changes', `/api/revisions/${i.revision}/changes`)).body as unknown as Array<{ entity: string; after: { version?: string } | null }>;
      if (!changes.some((c) => c.entity === PATCHED && c.after?.version === i.version)) lostImplementations += 1;
    }
    const audit: Array<{ action: string; actor: string; target: string }> = [];
    for (let before: number | null = null; ;) {
      const page = (await admin.call('GET', '/api/audit', `/api/audit?action=change:&limit=500${before ? `&before=${before}` : ''}`)).body as { entries: typeof audit; next: number | null };
      audit.push(...page.entries);
      if (!page.next) break;
      before = page.next;
    }
    const signEntries = audit.filter((e) => e.action === 'change:sign').map((e) => `${e.target} ${e.actor}`);
    const lostSignatures = [...tally.signed.entries()].flatMap(([id, list]) => list.map((s) => `change-request/${id} ${s.split(':')[1]}`)).filter((s) => !signEntries.includes(s)).length;
    const implementEntries = audit.filter((e) => e.action === 'change:implement').length;
    const all = (await admin.call('GET', '/api/reviews', '/api/reviews?limit=500')).body as unknown as Array<{ id: string; requester: { username: string }; signatures: Array<{ discipline: string; username: string }> }>;
    const broken = all.filter((r) => new Set(r.signatures.map((s) => s.discipline)).size !== r.signatures.length
      || new Set(r.signatures.map((s) => s.username)).size !== r.signatures.length
      || r.signatures.some((s) => s.username === r.requester.username)).length;
    const verified = (await admin.call('GET', '/api/audit/verify', '/api/audit/verify')).body as { ok: boolean; checked: number };

    const { rows, fiveHundreds, total } = table(tally);
    console.log(rows);
    console.log(`\nload:reviews: ${people.length} people, ${total} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s); ` +
      `${all.length} change requests, ${tally.implemented.size} implemented (${implementEntries} change:implement entries), ${[...tally.signed.values()].flat().length} signatures, ` +
      `${tally.reassessed} reassessed after ${imports} merge imports (${importFailures} failed); 5xx: ${fiveHundreds}; lost updates: ${lostImplementations} implementations, ${lostSignatures} signatures; ` +
      `requests breaking separation of duties: ${broken}; audit chain ${verified.ok ? 'verifies' : 'BROKEN'} (${verified.checked} entries)`);
    return fiveHundreds === 0 && importFailures === 0 && lostImplementations === 0 && lostSignatures === 0 && broken === 0 && implementEntries === tally.implemented.size && verified.ok ? 0 : 1;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.once('exit', done));
  }
}

runCli(() => main(process.argv));
