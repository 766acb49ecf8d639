// description: What the API shows about a flow beside its document: the SIFs and procedures that
//   depend on it.
// mode: read
// params:
//   $id: string — flow id
// returns:
//   sifs: list<map> — {id, sil}, by SIF id
//   procedures: list<string> — procedure ids, sorted
MATCH (f:Flow {id: $id})
RETURN
  COLLECT { MATCH (s:SIF)-[:DEPENDS_ON]->(f) RETURN {id: s.id, sil: s.sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (p:Procedure)-[:DEPENDS_ON]->(f) RETURN p.id ORDER BY p.id } AS procedures
