// description: First step of every change to a request: takes its write lock (held to commit) by
//   touching it, then reads it, so concurrent signers and implementers act one after another on
//   what the previous one committed.
// mode: write
// params:
//   $id: string — the request's id
// returns:
//   request: map — every stored field, as committed before this transaction took the lock
MATCH (r:ChangeRequest {id: $id})
SET r.lockedBy = randomUUID()
REMOVE r.lockedBy
RETURN properties(r) AS request
