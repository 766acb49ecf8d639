// description: What the stored rules decide for observed (source, destination, protocol, port)
//   tuples on given conduits, with the what-if engine's semantics (impact/firewall-flow-decisions):
//   a rule matches when its protocol is "any" or the tuple's, both addresses are inside its
//   ranges and the port is inside its port range (no port, as for ICMP, counts as 0); the
//   matching rule with the lowest seq decides, else the conduit's default action.
//   Plan: one unique-index seek per conduit, its rules filtered and the first kept by seq.
// mode: read
// params:
//   $tuples: list<map> — {key: string, src: integer, dst: integer, protocol: 'tcp'|'udp'|'icmp',
//     port: integer|null, conduits: list<string>}
// returns:
//   key: string — the tuple's key
//   conduit: string
//   rule: string|null — the deciding rule, null when the default action decides
//   action: string — 'allow' or 'deny'
UNWIND $tuples AS t
UNWIND t.conduits AS conduitId
MATCH (c:Conduit {id: conduitId})
CALL (c, t) {
  OPTIONAL MATCH (c)-[:HAS_RULE]->(r:FirewallRule)
  WHERE (r.protocol = 'any' OR r.protocol = t.protocol)
    AND r.srcLo <= t.src <= r.srcHi AND r.dstLo <= t.dst <= r.dstHi
    AND r.portLo <= coalesce(t.port, 0) <= r.portHi
  WITH r ORDER BY r.seq LIMIT 1
  RETURN r
}
RETURN t.key AS key, c.id AS conduit, r.id AS rule, coalesce(r.action, c.defaultAction) AS action
