// description: Safety-required flows that assets going down for a patch carry or enforce without
//   being SIF elements: as a flow endpoint, as a firewall enforcing a conduit the flow crosses,
//   or as a device it routes through. For each, whether the flow has a redundant route: another
//   flow with the same endpoints, protocol and port that the same asset does not touch.
// mode: read
// params:
//   $targets: list<string> — asset ids going down
// returns:
//   target: string — asset id
//   flow: string — safety-required flow id
//   role: string — 'endpoint', 'firewall' or 'routes-through'
//   conduit: string|null — the enforced conduit, for role firewall
//   from, to: string — the flow's endpoints
//   via: list<string> — conduits crossed, in order
//   redundantFlows: list<string> — alternative routes the target does not touch
MATCH (t:Asset) WHERE t.id IN $targets AND NOT EXISTS { (:SIF)-[:HAS_ELEMENT]->(t) }
CALL (t) {
  MATCH (f:Flow {safetyRequired: true})-[:FROM|TO]->(t)
  RETURN f, 'endpoint' AS role, null AS conduit
  UNION
  MATCH (f:Flow {safetyRequired: true})-[:VIA]->(c:Conduit)-[:ENFORCED_BY]->(t)
  RETURN f, 'firewall' AS role, c.id AS conduit
  UNION
  MATCH (f:Flow {safetyRequired: true})-[:ROUTES_THROUGH]->(t)
  RETURN f, 'routes-through' AS role, null AS conduit
}
MATCH (src:Asset)<-[:FROM]-(f)-[:TO]->(dst:Asset)
RETURN t.id AS target, f.id AS flow, role, conduit, src.id AS from, dst.id AS to,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
  COLLECT { MATCH (src)<-[:FROM]-(alt:Flow)-[:TO]->(dst)
            WHERE alt <> f AND alt.protocol = f.protocol AND coalesce(alt.port, 0) = coalesce(f.port, 0)
              AND NOT EXISTS { (alt)-[:ROUTES_THROUGH]->(t) }
              AND NOT EXISTS { (alt)-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(t) }
            RETURN alt.id ORDER BY alt.id } AS redundantFlows
ORDER BY target, flow, role
