// description: Writes new field values of a request locked by reviews/lock-request, and moves its
//   version on by one (the ETag If-Match compares). A null value removes the field.
// mode: write
// params:
//   $id: string — the request's id
//   $fields: map — the fields to set (version is ignored: it only moves on by one)
// returns:
//   request: map — every stored field after the write
MATCH (r:ChangeRequest {id: $id})
SET r += $fields, r.version = r.version + 1
RETURN properties(r) AS request
