// description: Creates controls with (Control)-[:SATISFIES]->(Requirement),
//   -[:APPLIES_TO]->(Asset|Zone|Conduit) and -[:MITIGATES]->(Risk).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props incl. flattened per-domain assessment, satisfies, appliesTo, mitigates}
// returns: nothing
UNWIND $rows AS row
MERGE (c:Control {id: row.props.id})
SET c = row.props
WITH c, row
CALL (c, row) {
  UNWIND row.satisfies AS id
  MATCH (r:Requirement {id: id})
  CREATE (c)-[:SATISFIES]->(r)
}
CALL (c, row) {
  UNWIND row.appliesTo AS id
  OPTIONAL MATCH (a:Asset {id: id})
  OPTIONAL MATCH (z:Zone {id: id})
  OPTIONAL MATCH (k:Conduit {id: id})
  WITH coalesce(a, z, k) AS target
  WHERE target IS NOT NULL
  CREATE (c)-[:APPLIES_TO]->(target)
}
CALL (c, row) {
  UNWIND row.mitigates AS id
  MATCH (r:Risk {id: id})
  CREATE (c)-[:MITIGATES]->(r)
}
