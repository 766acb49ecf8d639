// description: Creates procedures with (Procedure)-[:USES]->(Asset), -[:DEPENDS_ON]->(Flow),
//   -[:PERFORMED_BY]->(Role) and -[:BACKS_UP]->(SIF).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, uses, dependsOn, performedBy, backsUp: [id]}
// returns: nothing
UNWIND $rows AS row
MERGE (p:Procedure {id: row.props.id})
SET p = row.props
WITH p, row
CALL (p, row) {
  UNWIND row.uses AS id
  MATCH (a:Asset {id: id})
  CREATE (p)-[:USES]->(a)
}
CALL (p, row) {
  UNWIND row.dependsOn AS id
  MATCH (f:Flow {id: id})
  CREATE (p)-[:DEPENDS_ON]->(f)
}
CALL (p, row) {
  UNWIND row.performedBy AS id
  MATCH (r:Role {id: id})
  CREATE (p)-[:PERFORMED_BY]->(r)
}
CALL (p, row) {
  UNWIND row.backsUp AS id
  MATCH (s:SIF {id: id})
  CREATE (p)-[:BACKS_UP]->(s)
}
