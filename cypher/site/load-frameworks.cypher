// description: Creates frameworks (ISO 27001, IEC 62443-3-3, NCSC CAF, IEC 61511 …).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props}
// returns: nothing
UNWIND $rows AS row
MERGE (f:Framework {id: row.props.id})
SET f = row.props
