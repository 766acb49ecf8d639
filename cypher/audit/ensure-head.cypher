// description: Creates the audit chain's head (no entry yet) if the database has none; run at
//   start-up after the schema, so that appending only ever takes its lock.
// mode: write
// params:
//   $genesis: string — the previous hash of the first entry (64 zeros)
// returns: nothing
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis
