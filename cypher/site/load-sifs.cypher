// description: Creates SIFs with (SIF)-[:HAS_ELEMENT {role, group, voting, groupSeq, seq}]->(Asset)
//   for every element of every voting group, and (SIF)-[:DEPENDS_ON]->(Flow).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, elements: [{asset, role, group, voting, groupSeq, seq}], dependsOn: [flowId]}
// returns: nothing
UNWIND $rows AS row
MERGE (s:SIF {id: row.props.id})
SET s = row.props
WITH s, row
CALL (s, row) {
  UNWIND row.elements AS el
  MATCH (a:Asset {id: el.asset})
  CREATE (s)-[:HAS_ELEMENT {role: el.role, group: el.group, voting: el.voting, groupSeq: el.groupSeq, seq: el.seq}]->(a)
}
CALL (s, row) {
  UNWIND row.dependsOn AS flowId
  MATCH (f:Flow {id: flowId})
  CREATE (s)-[:DEPENDS_ON]->(f)
}
