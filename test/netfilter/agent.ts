// Runs inside a network namespace (`ip netns exec NS tsx agent.ts listen|probe …`) and speaks
// JSON lines on stdin/stdout. `listen ADDRESSES PORTS`: TCP and UDP listeners on every address and port; each arrival is
// recorded before it is answered (TCP: "ok" then close; UDP: an echo), so a probe that got its
// answer is already in the record. `probe`: sends real TCP connections and UDP datagrams from
// the given source addresses and ports, all at once, and says what came back for each.
import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import { createInterface } from 'node:readline';

export interface Probe { src: string; srcPort: number; dst: string; proto: 'tcp' | 'udp'; port: number }
export type Outcome = 'answered' | 'refused' | 'timeout' | 'error';
export interface Arrival { src: string; dst: string; proto: 'tcp' | 'udp'; port: number }

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);

function listen(addresses: string[], ports: number[]): void {
  let arrivals: Arrival[] = [];
  const pending: Array<Promise<void>> = [];
  // One socket per address and port: a UDP answer then leaves from the address it was sent to,
  // which the prober's connected socket insists on.
  for (const dst of addresses) {
    for (const port of ports) {
      pending.push(new Promise((ready, fail) => {
        const server = createServer((socket) => {
          arrivals.push({ src: socket.remoteAddress!.replace(/^::ffff:/, ''), dst, proto: 'tcp', port });
          socket.on('error', () => {});
          socket.end('ok');
        });
        server.on('error', fail);
        server.listen(port, dst, ready);
      }));
      pending.push(new Promise((ready, fail) => {
        const udp = createSocket('udp4');
        udp.on('message', (msg, from) => {
          arrivals.push({ src: from.address, dst, proto: 'udp', port });
          udp.send(msg, from.port, from.address);
        });
        udp.on('error', fail);
        udp.bind(port, dst, ready);
      }));
    }
  }
  Promise.all(pending).then(() => send({ ready: true }), (error: Error) => send({ error: error.message }));
  createInterface({ input: process.stdin }).on('line', (line) => {
    const { drain } = JSON.parse(line) as { drain: number };
    send({ drain, arrivals });
    arrivals = [];
  });
}

/** One probe's fate: answered, refused (an ICMP error or a reset), or nothing within the time. */
function settle(timeoutMs: number, start: (finish: (outcome: Outcome) => void) => () => void): Promise<Outcome> {
  return new Promise((done) => {
    let close = () => {};
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      close();
      done(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    close = start(finish);
  });
}

const failed = (finish: (outcome: Outcome) => void) => (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' || error.code === 'EHOSTUNREACH' ? 'refused' : 'error');

const probeTcp = (p: Probe, timeoutMs: number) => settle(timeoutMs, (finish) => {
  const socket = connect({ host: p.dst, port: p.port, localAddress: p.src, localPort: p.srcPort });
  socket.on('data', () => finish('answered'));
  socket.on('error', failed(finish));
  return () => socket.destroy();
});

const probeUdp = (p: Probe, timeoutMs: number) => settle(timeoutMs, (finish) => {
  const socket = createSocket('udp4');
  socket.on('message', () => finish('answered'));
  socket.on('error', failed(finish));
  socket.bind(p.srcPort, p.src, () => socket.connect(p.port, p.dst, () => socket.send('probe')));
  return () => socket.close();
});

function probe(): void {
  send({ ready: true });
  createInterface({ input: process.stdin }).on('line', (line) => {
    const { id, probes, timeoutMs } = JSON.parse(line) as { id: number; probes: Probe[]; timeoutMs: number };
    Promise.all(probes.map((p) => (p.proto === 'tcp' ? probeTcp(p, timeoutMs) : probeUdp(p, timeoutMs)))).then((outcomes) => send({ id, outcomes }));
  });
}

const [mode, addresses, ports] = process.argv.slice(2);
if (mode === 'listen') listen(addresses!.split(','), ports!.split(',').map(Number));
else if (mode === 'probe') probe();
else {
  process.stderr.write('usage: agent.ts listen ADDRESS,… PORT,… | probe\n');
  process.exitCode = 2;
}
