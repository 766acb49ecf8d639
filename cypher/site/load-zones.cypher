// description: Creates zones. A zone's cidr is also stored as the integer range cidrLo..cidrHi.
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props: zone properties}
// returns: nothing
UNWIND $rows AS row
MERGE (z:Zone {id: row.props.id})
SET z = row.props
