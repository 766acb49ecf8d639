// description: Change requests that have been decided (approved, rejected, or approved and since
//   implemented), for the board report's safety exposure; the period and SIL are judged in TypeScript
//   from their signatures and stored assessment.
// mode: read
// params: (none)
// returns:
//   request: map — every stored field of the request
MATCH (r:ChangeRequest)
WHERE r.status IN ['APPROVED', 'REJECTED', 'IMPLEMENTED']
RETURN properties(r) AS request
ORDER BY r.id
