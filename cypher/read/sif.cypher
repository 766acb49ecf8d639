// description: One SIF in the export shape (elements with role, group and voting; flows it
//   depends on).
// mode: read
// params:
//   $id: string — SIF id
// returns:
//   props, elements, dependsOn — as export/sifs
MATCH (s:SIF {id: $id})
RETURN properties(s) AS props,
  COLLECT { MATCH (s)-[e:HAS_ELEMENT]->(a:Asset)
            RETURN {asset: a.id, role: e.role, group: e.group, voting: e.voting, groupSeq: e.groupSeq, seq: e.seq}
            ORDER BY e.groupSeq, e.seq } AS elements,
  COLLECT { MATCH (s)-[:DEPENDS_ON]->(f:Flow) RETURN f.id ORDER BY f.id } AS dependsOn
