// description: Shadowing among the rules of edited conduits after a proposed change: for each
//   proposed rule (added, or the new version of a modified one), the earliest rule before it
//   whose match region contains its own (so it can never match), and the existing rules after it
//   whose whole match region it contains (so they can never match again). Region containment:
//   protocol equal or `any`, and source, destination and port ranges each contained.
// mode: read
// params:
//   $edits: list<map> — as in impact/firewall-flow-decisions
// returns:
//   conduit: string — conduit id
//   rule: map — the proposed rule {id, seq, action}
//   coveredBy: map|null — {id, seq, action} of the earliest covering rule before it
//   shadows: list<map> — existing rules {id, seq, action} it now shadows, by seq
UNWIND $edits AS edit
MATCH (c:Conduit {id: edit.conduit})
WITH edit, c,
  [r IN COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule)
                  RETURN r {.id, .seq, .action, .protocol, .srcLo, .srcHi, .dstLo, .dstHi, .portLo, .portHi} }
   WHERE NOT r.id IN edit.replaced] + edit.rules AS after
UNWIND edit.rules AS p
WITH c, p, after,
  [q IN after WHERE q.id <> p.id AND q.seq < p.seq
     AND (q.protocol = 'any' OR q.protocol = p.protocol)
     AND q.srcLo <= p.srcLo AND p.srcHi <= q.srcHi
     AND q.dstLo <= p.dstLo AND p.dstHi <= q.dstHi
     AND q.portLo <= p.portLo AND p.portHi <= q.portHi] AS coverers,
  [a IN after WHERE a.proposed IS NULL AND a.seq > p.seq
     AND (p.protocol = 'any' OR p.protocol = a.protocol)
     AND p.srcLo <= a.srcLo AND a.srcHi <= p.srcHi
     AND p.dstLo <= a.dstLo AND a.dstHi <= p.dstHi
     AND p.portLo <= a.portLo AND a.portHi <= p.portHi] AS shadowed
WITH c, p, shadowed,
  reduce(best = null, q IN coverers | CASE WHEN best IS NULL OR q.seq < best.seq THEN q ELSE best END) AS cover
RETURN c.id AS conduit, p {.id, .seq, .action} AS rule,
  CASE WHEN cover IS NULL THEN null ELSE cover {.id, .seq, .action} END AS coveredBy,
  COLLECT { UNWIND shadowed AS a RETURN a {.id, .seq, .action} ORDER BY a.seq } AS shadows
ORDER BY conduit, rule.seq
