// description: Creates frameworks (ISO 27001, IEC 62443-3-3, NCSC CAF, IEC 61511 …).
// mode: write
// params:
//   $rows: list<map> — {props}
// returns: nothing
UNWIND $rows AS row
CREATE (f:Framework)
SET f = row.props
