// A conduit's rules as iptables-save text for the filter table's FORWARD chain: an export of the
// conduit for a Linux firewall, and the rule set the netfilter oracle installs. A rule for any
// protocol with ports becomes a tcp and a udp line (iptables needs -p for --dport); the default
// action is the chain policy; ESTABLISHED/RELATED replies are accepted first, as on any real
// stateful firewall, since Interlock decides only each flow's opening packet.
import { addressRange, formatIpv4, type IntRange } from '../../model/ipv4.js';
import { parsePorts } from '../../model/ports.js';
import type { Endpoint, FirewallRuleT } from '../../model/site-schema.js';

export interface RenderOptions {
  /** REJECT answers at once (the oracle's probes need no timeout); DROP is silent. */
  denyAs?: 'DROP' | 'REJECT';
  /** Resolves {asset} and {zone} endpoints; without it only addresses, CIDRs and "any" render. */
  resolve?: (endpoint: Exclude<Endpoint, string>) => IntRange | undefined;
  /** A first line saying what this is. */
  title?: string;
}

function address(endpoint: Endpoint, options: RenderOptions): string | null {
  const range = typeof endpoint === 'string' ? addressRange(endpoint) : options.resolve?.(endpoint);
  if (!range) throw new Error(`cannot render endpoint ${JSON.stringify(endpoint)}: no address known for it`);
  const size = range.hi - range.lo + 1;
  return size === 2 ** 32 ? null : `${formatIpv4(range.lo)}/${32 - Math.log2(size)}`;
}

function portOption(rule: FirewallRuleT): string | null {
  const range = parsePorts(rule.ports)!;
  if (rule.ports === 'any' || (range.lo <= 1 && range.hi >= 65535)) return null;
  return range.lo === range.hi ? `${range.lo}` : `${range.lo}:${range.hi}`;
}

// iptables-save quotes a comment and escapes its quotes; newlines cannot appear.
const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ').slice(0, 250)}"`;

export function ruleLines(rule: FirewallRuleT, options: RenderOptions = {}): string[] {
  const src = address(rule.src, options);
  const dst = address(rule.dst, options);
  const ports = portOption(rule);
  const protocols = rule.protocol === 'any' ? (ports ? ['tcp', 'udp'] : [null]) : [rule.protocol];
  const target = rule.action === 'allow' ? 'ACCEPT' : (options.denyAs ?? 'DROP');
  return protocols.map((p) => [
    '-A FORWARD',
    src && `-s ${src}`,
    dst && `-d ${dst}`,
    p && `-p ${p}`,
    p && p !== 'icmp' && ports && `-m ${p} --dport ${ports}`,
    `-m comment --comment ${quote(rule.id)}`,
    `-j ${target}`,
  ].filter(Boolean).join(' '));
}

export function renderIptables(rules: FirewallRuleT[], defaultAction: 'allow' | 'deny', options: RenderOptions = {}): string {
  const ordered = [...rules].sort((a, b) => a.seq - b.seq);
  return [
    ...(options.title ? [`# ${options.title.replace(/\s+/g, ' ')}`] : []),
    '*filter',
    ':INPUT ACCEPT [0:0]',
    `:FORWARD ${defaultAction === 'allow' ? 'ACCEPT' : 'DROP'} [0:0]`,
    ':OUTPUT ACCEPT [0:0]',
    '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ...ordered.flatMap((r) => ruleLines(r, options)),
    'COMMIT',
    '',
  ].join('\n');
}
