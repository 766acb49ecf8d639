// description: Every SIF with its elements (role, group, voting, order) and the flows it depends on.
// mode: read
// returns:
//   props: map — the SIF's stored properties
//   elements: list<map> — {asset, role, group, voting, groupSeq, seq}
//   dependsOn: list<string> — flow ids
MATCH (s:SIF)
RETURN properties(s) AS props,
  COLLECT { MATCH (s)-[e:HAS_ELEMENT]->(a:Asset)
            RETURN {asset: a.id, role: e.role, group: e.group, voting: e.voting, groupSeq: e.groupSeq, seq: e.seq}
            ORDER BY e.groupSeq, e.seq } AS elements,
  COLLECT { MATCH (s)-[:DEPENDS_ON]->(f:Flow) RETURN f.id ORDER BY f.id } AS dependsOn
ORDER BY s.id
