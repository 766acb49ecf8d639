// description: Creates roles and (Role)-[:ACCESSES]->(Asset).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, accesses: [assetId]}
// returns: nothing
UNWIND $rows AS row
MERGE (r:Role {id: row.props.id})
SET r = row.props
WITH r, row
CALL (r, row) {
  UNWIND row.accesses AS assetId
  MATCH (a:Asset {id: assetId})
  CREATE (r)-[:ACCESSES]->(a)
}
