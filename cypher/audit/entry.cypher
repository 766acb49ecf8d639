// description: One audit entry by number: checks that a chain head kept outside the database is still in the log.
// mode: read
// params:
//   $seq: integer — the entry's number
// returns:
//   entry: map — every stored field of the entry
MATCH (e:AuditEntry {seq: toInteger($seq)})
RETURN properties(e) AS entry
