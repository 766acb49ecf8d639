// description: Every flow's id, in id order, with the SIFs and procedures that depend on it (the
//   documents come from site/entities).
// mode: read
// returns:
//   id: string — flow id
//   sifs: list<map> — {id, sil}, by SIF id
//   procedures: list<string> — procedure ids, sorted
MATCH (f:Flow)
RETURN f.id AS id,
  COLLECT { MATCH (s:SIF)-[:DEPENDS_ON]->(f) RETURN {id: s.id, sil: s.sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (p:Procedure)-[:DEPENDS_ON]->(f) RETURN p.id ORDER BY p.id } AS procedures
ORDER BY id
