// description: Creates zones. A zone's cidr is also stored as the integer range cidrLo..cidrHi.
// mode: write
// params:
//   $rows: list<map> — {props: zone properties}
// returns: nothing
UNWIND $rows AS row
CREATE (z:Zone)
SET z = row.props
