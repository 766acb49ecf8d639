// description: Creates evidence records with (Evidence)-[:SUPPORTS]->(Control).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, supports: [controlId]}
// returns: nothing
UNWIND $rows AS row
MERGE (e:Evidence {id: row.props.id})
SET e = row.props
WITH e, row
CALL (e, row) {
  UNWIND row.supports AS id
  MATCH (c:Control {id: id})
  CREATE (e)-[:SUPPORTS]->(c)
}
