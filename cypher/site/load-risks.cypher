// description: Creates risks with (Risk)-[:AFFECTS]->(Asset|Zone).
// mode: write
// params:
//   $rows: list<map> — {props, affects: [asset or zone id]}
// returns: nothing
UNWIND $rows AS row
CREATE (r:Risk)
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
