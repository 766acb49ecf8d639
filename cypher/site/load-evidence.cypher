// description: Creates evidence records with (Evidence)-[:SUPPORTS]->(Control).
// mode: write
// params:
//   $rows: list<map> — {props, supports: [controlId]}
// returns: nothing
UNWIND $rows AS row
CREATE (e:Evidence)
SET e = row.props
WITH e, row
CALL (e, row) {
  UNWIND row.supports AS id
  MATCH (c:Control {id: id})
  CREATE (e)-[:SUPPORTS]->(c)
}
