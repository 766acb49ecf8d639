// description: Stores a new change request (Interlock's own data: ChangeRequest is no site label,
//   so a replace import never touches it). The request, its assessment and signatures are JSON text.
// mode: write
// params:
//   $request: map — {id, title, reason, windowStart, windowEnd, change (JSON), requesterId, requester, requesterName, status, version, createdAt, updatedAt, signatures (JSON)}
// returns:
//   request: map — every stored field
CREATE (r:ChangeRequest)
SET r = $request, r.version = toInteger($request.version)
RETURN properties(r) AS request
