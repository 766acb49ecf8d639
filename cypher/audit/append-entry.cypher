// description: Appends one sealed audit entry and makes it the chain head. The log is append-only:
//   no query of the product updates or deletes an AuditEntry.
// mode: write
// params:
//   $entry: map — {seq, at, actor, actorId, action, target, outcome, details, prevHash, hash}
// returns: nothing
MATCH (h:AuditHead {id: 'audit'})
SET h.hash = $entry.hash
CREATE (e:AuditEntry)
SET e = $entry, e.seq = toInteger($entry.seq)
