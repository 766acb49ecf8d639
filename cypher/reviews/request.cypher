// description: One change request by id.
// mode: read
// params:
//   $id: string — the request's id
// returns:
//   request: map — every stored field
MATCH (r:ChangeRequest {id: $id})
RETURN properties(r) AS request
