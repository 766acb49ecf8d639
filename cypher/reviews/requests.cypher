// description: Change requests, newest first, of one status or all.
// mode: read
// params:
//   $status: string|null — DRAFT, SUBMITTED, APPROVED, REJECTED, IMPLEMENTED or WITHDRAWN; null for all
//   $limit: integer — at most this many
// returns:
//   request: map — every stored field
MATCH (r:ChangeRequest)
WHERE $status IS NULL OR r.status = $status
WITH r ORDER BY r.createdAt DESC, r.id
LIMIT toInteger($limit)
RETURN properties(r) AS request
