// description: The audit chain's head: the number and hash of its last entry, and when it was written.
// mode: read
// returns:
//   seq: integer — the last entry's number (0 before any)
//   hash: string — its hash (the genesis hash before any)
//   at: string|null — when it was appended
MATCH (h:AuditHead {id: 'audit'})
OPTIONAL MATCH (e:AuditEntry {seq: h.seq})
RETURN h.seq AS seq, h.hash AS hash, e.at AS at
