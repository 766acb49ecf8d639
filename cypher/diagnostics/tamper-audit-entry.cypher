// description: Overwrites one field of a stored audit entry, as someone with database access might:
//   the audit tests' way to prove verification finds it. Nothing in the product runs it.
// mode: write
// params:
//   $seq: integer — the entry's number
//   $field: string — the field to overwrite
//   $value: string — its new value
// returns: nothing
MATCH (e:AuditEntry {seq: toInteger($seq)})
SET e[$field] = $value
