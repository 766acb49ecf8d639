// description: Creates the Site node holding the document's site metadata.
// mode: write
// params:
//   $rows: list<map> — at most one {props}
// returns: nothing
UNWIND $rows AS row
CREATE (s:Site)
SET s = row.props
