// description: First step of an append: moves the audit head on by one and returns the new entry's
//   number and the hash of the entry before it. Setting the property takes the head's write lock,
//   held to commit, so appends run one after another and the chain never forks.
// mode: write
// returns:
//   seq: integer — the number of the entry this transaction appends
//   prevHash: string — the hash of entry seq − 1 (the genesis hash for entry 1)
MATCH (h:AuditHead {id: 'audit'})
SET h.seq = h.seq + 1
RETURN h.seq AS seq, h.hash AS prevHash
