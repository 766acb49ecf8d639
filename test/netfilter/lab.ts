// A router between two hosts, made of network namespaces this process creates and removes: the
// source host carries several addresses (secondary addresses on one interface), the destination
// host several more and a listener on every probed port, and the router forwards between them
// through its filter table's FORWARD chain, where each rule set under test is installed.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Arrival, Outcome, Probe } from './agent.js';

export const SRC_NET = '10.201.0.0/24';
export const DST_NET = '10.202.0.0/24';
export const SRC_HOSTS = Array.from({ length: 16 }, (_, i) => `10.201.0.${16 + i}`);
export const DST_HOSTS = Array.from({ length: 8 }, (_, i) => `10.202.0.${16 + i}`);

const AGENT = fileURLToPath(new URL('./agent.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

const run = (args: string[], input?: string) => execFileSync(args[0]!, args.slice(1), { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

/** Why this machine cannot run the lab, or null when it can. */
export function unavailable(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces and iptables need root (run as root, or in CI as root)';
  for (const tool of [['ip', '-V'], ['iptables', '--version'], ['iptables-save', '--version'], ['iptables-restore', '--version']]) {
    try {
      run(tool);
    } catch {
      return `${tool[0]} is not installed (apt-get install -y iptables iproute2)`;
    }
  }
  const probe = `ilk-nf-check-${process.pid}`;
  try {
    run(['ip', 'netns', 'add', probe]);
    run(['ip', 'netns', 'exec', probe, 'iptables', '-S', 'FORWARD']);
  } catch (error) {
    return `cannot create a network namespace with iptables in it: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    try {
      run(['ip', 'netns', 'del', probe]);
    } catch { /* it was never created */ }
  }
  return null;
}

class Agent {
  private readonly waiting = new Map<number, (message: Record<string, unknown>) => void>();
  private next = 0;
  readonly ready: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams, what: string) {
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    this.ready = new Promise((ok, fail) => {
      child.on('exit', (code) => fail(new Error(`${what} agent exited (${code}): ${stderr}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.ready) ok();
        else if (message.error) fail(new Error(`${what} agent: ${String(message.error)}`));
        else this.waiting.get((message.id ?? message.drain) as number)?.(message);
      });
    });
  }

  ask(message: Record<string, unknown>, key: 'id' | 'drain'): Promise<Record<string, unknown>> {
    const id = ++this.next;
    return new Promise((answer) => {
      this.waiting.set(id, answer);
      this.child.stdin.write(`${JSON.stringify({ ...message, [key]: id })}\n`);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

export interface ProbeResult { probe: Probe; arrived: boolean; outcome: Outcome }

export class Lab {
  readonly src: string;
  readonly router: string;
  readonly dst: string;
  private agents: Agent[] = [];
  private listener!: Agent;
  private prober!: Agent;
  private port = 10_000;

  constructor(tag = String(process.pid)) {
    [this.src, this.router, this.dst] = ['src', 'rtr', 'dst'].map((n) => `ilk-nf-${tag}-${n}`) as [string, string, string];
  }

  async start(ports: number[]): Promise<void> {
    const [s, r, d] = [this.src, this.router, this.dst];
    for (const ns of [s, r, d]) run(['ip', 'netns', 'add', ns]);
    run(['ip', '-n', r, 'link', 'add', 'to-src', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', s]);
    run(['ip', '-n', r, 'link', 'add', 'to-dst', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', d]);
    run(['ip', '-n', r, 'addr', 'add', '10.201.0.1/24', 'dev', 'to-src']);
    run(['ip', '-n', r, 'addr', 'add', '10.202.0.1/24', 'dev', 'to-dst']);
    for (const ip of SRC_HOSTS) run(['ip', '-n', s, 'addr', 'add', `${ip}/24`, 'dev', 'eth0']);
    for (const ip of DST_HOSTS) run(['ip', '-n', d, 'addr', 'add', `${ip}/24`, 'dev', 'eth0']);
    for (const [ns, dev] of [[s, 'eth0'], [d, 'eth0'], [r, 'to-src'], [r, 'to-dst'], [s, 'lo'], [d, 'lo'], [r, 'lo']] as const) run(['ip', '-n', ns, 'link', 'set', dev, 'up']);
    run(['ip', '-n', s, 'route', 'add', 'default', 'via', '10.201.0.1']);
    run(['ip', '-n', d, 'route', 'add', 'default', 'via', '10.202.0.1']);
    run(['ip', 'netns', 'exec', r, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    const agent = (ns: string, args: string[]) => new Agent(spawn('ip', ['netns', 'exec', ns, TSX, AGENT, ...args]), `${ns} ${args[0]}`);
    this.listener = agent(d, ['listen', DST_HOSTS.join(','), ports.join(',')]);
    this.prober = agent(s, ['probe']);
    this.agents = [this.listener, this.prober];
    await Promise.all(this.agents.map((a) => a.ready));
  }

  /** Replaces the router's filter table, as iptables-restore does (the whole table at once). */
  install(save: string): void {
    run(['ip', 'netns', 'exec', this.router, 'iptables-restore'], save);
  }

  saved(): string {
    return run(['ip', 'netns', 'exec', this.router, 'iptables-save', '-t', 'filter']);
  }

  /**
   * Sends every probe at once and reports which arrived at the listener. Each probe gets a source
   * port never used before in this lab, so no connection-tracking entry of an earlier rule set
   * can let it through as ESTABLISHED.
   */
  async probe(probes: Array<Omit<Probe, 'srcPort'>>, timeoutMs: number): Promise<ProbeResult[]> {
    const sent = probes.map((p) => ({ ...p, srcPort: this.nextPort() }));
    const { outcomes } = await this.prober.ask({ probes: sent, timeoutMs }, 'id') as { outcomes: Outcome[] };
    const { arrivals } = await this.listener.ask({}, 'drain') as { arrivals: Arrival[] };
    const seen = new Set(arrivals.map((a) => `${a.proto} ${a.src} ${a.dst} ${a.port}`));
    return sent.map((probe, i) => ({ probe, outcome: outcomes[i]!, arrived: seen.has(`${probe.proto} ${probe.src} ${probe.dst} ${probe.port}`) }));
  }

  private nextPort(): number {
    this.port = this.port >= 60_000 ? 10_000 : this.port + 1;
    return this.port;
  }

  stop(): void {
    for (const a of this.agents) a.stop();
    for (const ns of [this.src, this.router, this.dst]) {
      try {
        run(['ip', 'netns', 'del', ns]);
      } catch { /* not created */ }
    }
  }
}
