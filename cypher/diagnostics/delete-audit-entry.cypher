// description: Deletes one stored audit entry, as someone with database access might: the audit
//   tests' way to prove verification finds the gap. Nothing in the product runs it.
// mode: write
// params:
//   $seq: integer — the entry's number
// returns: nothing
MATCH (e:AuditEntry {seq: toInteger($seq)})
DELETE e
