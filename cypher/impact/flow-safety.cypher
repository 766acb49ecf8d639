// description: What is at stake on each flow: the SIFs depending on it directly, the procedures
//   depending on it (with the SIFs they back up), and its alternative routes (other flows with
//   the same endpoints, protocol and port).
// mode: read
//   Plan: flows are found by unique-index seeks on their ids, or by expanding from the seeked
//   conduits, so a firewall what-if can ask for "every flow crossing the edited conduit" in the
//   same round trip as the decisions instead of waiting for their ids.
// params:
//   $flowIds: list<string> — flow ids
//   $conduits: list<string> — conduit ids: also every flow crossing them
// returns:
//   flow: string — flow id
//   name: string|null — flow name
//   purpose: string — why the flow exists
//   protocol: string; port: integer|null
//   sifs: list<map> — {id, sil} of SIFs depending on it directly or through a procedure backing them up
//   procedures: list<map> — {id, name, emergency}
//   alternates: list<string> — other flows with the same endpoints, protocol and port
CALL () {
  UNWIND $flowIds AS id
  MATCH (f:Flow {id: id})
  RETURN f
  UNION
  UNWIND $conduits AS id
  MATCH (:Conduit {id: id})<-[:VIA]-(f:Flow)
  RETURN f
}
MATCH (src:Asset)<-[:FROM]-(f)-[:TO]->(dst:Asset)
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
