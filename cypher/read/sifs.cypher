// description: Every SIF with its SIL, hazard and voting groups (for pickers and lists).
// mode: read
// returns:
//   props: map — stored SIF properties
//   groups: list<map> — {id, role, voting, size} in group order
//   flowCount: integer — flows it depends on directly
MATCH (s:SIF)
WITH s ORDER BY s.sil DESC, s.id
RETURN properties(s) AS props,
  COLLECT { MATCH (s)-[e:HAS_ELEMENT]->(:Asset)
            WITH e.group AS id, e.role AS role, e.voting AS voting, e.groupSeq AS groupSeq, count(*) AS size
            RETURN {id: id, role: role, voting: voting, size: size} ORDER BY groupSeq } AS groups,
  COUNT { (s)-[:DEPENDS_ON]->(:Flow) } AS flowCount
