// description: Creates the Site node holding the document's site metadata.
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — at most one {props}
// returns: nothing
UNWIND $rows AS row
MERGE (s:Site {id: row.props.id})
SET s = row.props
