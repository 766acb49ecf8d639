// description: Creates risks with (Risk)-[:AFFECTS]->(Asset|Zone).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, affects: [asset or zone id]}
// returns: nothing
UNWIND $rows AS row
MERGE (r:Risk {id: row.props.id})
SET r = row.props
WITH r, row
CALL (r, row) {
  UNWIND row.affects AS id
  OPTIONAL MATCH (a:Asset {id: id})
  OPTIONAL MATCH (z:Zone {id: id})
  WITH coalesce(a, z) AS target
  WHERE target IS NOT NULL
  CREATE (r)-[:AFFECTS]->(target)
}
