// description: What is at stake on each flow: the SIFs depending on it directly, the procedures
//   depending on it (with the SIFs they back up), and its alternative routes (other flows with
//   the same endpoints, protocol and port).
// mode: read
// params:
//   $flowIds: list<string> — flow ids
// returns:
//   flow: string — flow id
//   name: string|null — flow name
//   purpose: string — why the flow exists
//   protocol: string; port: integer|null
//   sifs: list<map> — {id, sil} of SIFs depending on it directly or through a procedure backing them up
//   procedures: list<map> — {id, name, emergency}
//   alternates: list<string> — other flows with the same endpoints, protocol and port
MATCH (src:Asset)<-[:FROM]-(f:Flow)-[:TO]->(dst:Asset)
WHERE f.id IN $flowIds
RETURN f.id AS flow, f.name AS name, f.purpose AS purpose, f.protocol AS protocol, f.port AS port,
  COLLECT { CALL (f) {
              MATCH (s:SIF)-[:DEPENDS_ON]->(f) RETURN s
              UNION
              MATCH (s:SIF)<-[:BACKS_UP]-(:Procedure)-[:DEPENDS_ON]->(f) RETURN s
            }
            RETURN s {.id, .sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (p:Procedure)-[:DEPENDS_ON]->(f) RETURN p {.id, .name, .emergency} ORDER BY p.id } AS procedures,
  COLLECT { MATCH (src)<-[:FROM]-(alt:Flow)-[:TO]->(dst)
            WHERE alt <> f AND alt.protocol = f.protocol AND coalesce(alt.port, 0) = coalesce(f.port, 0)
            RETURN alt.id ORDER BY alt.id } AS alternates
