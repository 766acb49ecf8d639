// description: Benchmark reference (a), not used by the product: for a change set, each
//   candidate safety flow with all its routes (flows with the same endpoints, protocol and port,
//   itself included), each route decided rule by rule under the set's firewall edit, and the
//   assets going down that would interrupt it (endpoint, switch on its route, firewall of a
//   conduit it crosses).
// mode: read
// params:
//   $flowIds: list<string> — candidate safety flows
//   $conduit: string|null — the conduit the set edits, null when it edits none
//   $replaced: list<string> — rule ids the edit removes or modifies
//   $proposed: list<map> — proposed rule rows, as in bench/naive-firewall
//   $defaultAction: string|null — the conduit's new default action, null when unchanged
//   $down: list<string> — asset ids going down
// returns:
//   flow: string — the candidate
//   routes: list<map> — {flow, denied, touchedBy: [asset id]} for the candidate and each alternative
UNWIND $flowIds AS id
MATCH (f:Flow {id: id})-[:FROM]->(src:Asset)
MATCH (f)-[:TO]->(dst:Asset)
MATCH (src)<-[:FROM]-(route:Flow)-[:TO]->(dst)
WHERE route.protocol = f.protocol AND coalesce(route.port, 0) = coalesce(f.port, 0)
OPTIONAL MATCH (route)-[:VIA]->(k:Conduit)
CALL (route, src, dst, k) {
  OPTIONAL MATCH (k)-[:HAS_RULE]->(r:FirewallRule)
  WHERE (k.id <> $conduit OR $conduit IS NULL OR NOT r.id IN $replaced)
    AND (r.protocol = 'any' OR r.protocol = route.protocol) AND r.srcLo <= src.ipInt <= r.srcHi
    AND r.dstLo <= dst.ipInt <= r.dstHi AND r.portLo <= coalesce(route.port, 0) <= r.portHi
  WITH route, src, dst, k, collect(r {.seq, .action}) AS stored
  WITH stored + [p IN $proposed WHERE k.id = $conduit
      AND (p.protocol = 'any' OR p.protocol = route.protocol) AND p.srcLo <= src.ipInt <= p.srcHi
      AND p.dstLo <= dst.ipInt <= p.dstHi AND p.portLo <= coalesce(route.port, 0) <= p.portHi | p {.seq, .action}] AS hits
  UNWIND CASE WHEN size(hits) = 0 THEN [null] ELSE hits END AS hit
  WITH hit ORDER BY hit.seq
  RETURN head(collect(hit)) AS first
}
WITH f, route, collect(CASE WHEN k IS NOT NULL
  THEN coalesce(first.action, CASE WHEN k.id = $conduit THEN $defaultAction END, k.defaultAction) END) AS actions
RETURN f.id AS flow, collect({
  flow: route.id,
  denied: any(a IN actions WHERE a = 'deny'),
  touchedBy: COLLECT {
    MATCH (route)-[:FROM|TO|ROUTES_THROUGH]->(a:Asset) WHERE a.id IN $down RETURN a.id AS id
    UNION
    MATCH (route)-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(a:Asset) WHERE a.id IN $down RETURN a.id AS id
  }
}) AS routes
