// description: Creates roles and (Role)-[:ACCESSES]->(Asset).
// mode: write
// params:
//   $rows: list<map> — {props, accesses: [assetId]}
// returns: nothing
UNWIND $rows AS row
CREATE (r:Role)
SET r = row.props
WITH r, row
CALL (r, row) {
  UNWIND row.accesses AS assetId
  MATCH (a:Asset {id: assetId})
  CREATE (r)-[:ACCESSES]->(a)
}
