// description: Benchmark reference (a), not used by the product: a firewall what-if written as
//   one would without Interlock's design. Safety relevance is discovered by variable-length path
//   matching from the edited conduit to every SIF and procedure (up to six hops over the
//   safety-path relationships) instead of the stored safetyRequired flag and fixed patterns;
//   the paths that are dependencies (flow <-DEPENDS_ON- SIF, flow <-DEPENDS_ON- procedure
//   -BACKS_UP-> SIF) are then picked out by their shape. Rules are re-read per flow and
//   conduit and matched row by row. Same answer, different cost: see bench/README.md.
// mode: read
// params:
//   $conduit: string — the edited conduit
//   $replaced: list<string> — ids of its rules removed or modified by the change
//   $proposed: list<map> — proposed rule rows {id, seq, action, protocol, srcLo, srcHi, dstLo,
//     dstHi, portLo, portHi} (added rules and new versions of modified ones)
//   $defaultAction: string|null — the conduit's new default action, null when unchanged
// returns:
//   flow: string — a flow crossing the edited conduit
//   sifs: list<map> — {id, sil} of SIFs depending on it, directly or through a procedure
//   emergency: boolean — an emergency procedure depends on it
//   safety: boolean — a SIF or a procedure depends on it
//   crossings: list<map> — {conduit, beforeRule, before, after}: decisions on each conduit it crosses
MATCH (c:Conduit {id: $conduit})
OPTIONAL MATCH path = (c)-[:VIA|FROM|TO|ROUTES_THROUGH|ENFORCED_BY|DEPENDS_ON|HAS_ELEMENT|BACKS_UP|USES|PERFORMED_BY*1..6]-(x)
WHERE x:SIF OR x:Procedure
WITH c, x, nodes(path) AS ns, [r IN relationships(path) | type(r)] AS shape
WITH c, collect(CASE WHEN shape = ['VIA', 'DEPENDS_ON'] OR (shape = ['VIA', 'DEPENDS_ON', 'BACKS_UP'] AND ns[2]:Procedure)
                     THEN {flow: ns[1].id, node: x} END) AS deps
MATCH (c)<-[:VIA]-(f:Flow)-[:FROM]->(src:Asset)
MATCH (f)-[:TO]->(dst:Asset)
MATCH (f)-[v:VIA]->(k:Conduit)
CALL (f, src, dst, k) {
  OPTIONAL MATCH (k)-[:HAS_RULE]->(r:FirewallRule)
  WHERE (r.protocol = 'any' OR r.protocol = f.protocol) AND r.srcLo <= src.ipInt <= r.srcHi
    AND r.dstLo <= dst.ipInt <= r.dstHi AND r.portLo <= coalesce(f.port, 0) <= r.portHi
  WITH r ORDER BY r.seq
  RETURN head(collect(r)) AS first
}
CALL (f, src, dst, k, c) {
  OPTIONAL MATCH (k)-[:HAS_RULE]->(r:FirewallRule)
  WHERE (k <> c OR NOT r.id IN $replaced)
    AND (r.protocol = 'any' OR r.protocol = f.protocol) AND r.srcLo <= src.ipInt <= r.srcHi
    AND r.dstLo <= dst.ipInt <= r.dstHi AND r.portLo <= coalesce(f.port, 0) <= r.portHi
  WITH f, src, dst, k, c, collect(r {.seq, .action}) AS stored
  WITH stored + [p IN $proposed WHERE k = c
      AND (p.protocol = 'any' OR p.protocol = f.protocol) AND p.srcLo <= src.ipInt <= p.srcHi
      AND p.dstLo <= dst.ipInt <= p.dstHi AND p.portLo <= coalesce(f.port, 0) <= p.portHi | p {.seq, .action}] AS hits
  UNWIND CASE WHEN size(hits) = 0 THEN [null] ELSE hits END AS hit
  WITH hit ORDER BY hit.seq
  RETURN head(collect(hit)) AS next
}
WITH deps, f, v, k, c, first, next
ORDER BY f.id, v.seq
WITH deps, f, collect({
  conduit: k.id, beforeRule: first.id,
  before: coalesce(first.action, k.defaultAction),
  after: coalesce(next.action, CASE WHEN k = c THEN $defaultAction END, k.defaultAction)
}) AS crossings
WITH f, crossings, [d IN deps WHERE d.flow = f.id | d.node] AS dependants
RETURN f.id AS flow,
  [s IN dependants WHERE s:SIF | s {.id, .sil}] AS sifs,
  any(p IN dependants WHERE p:Procedure AND p.emergency) AS emergency,
  size(dependants) > 0 AS safety,
  crossings
