// description: Audit entries after a number, in seq order: the verifier walks the chain a page at a time.
// mode: read
// params:
//   $after: integer — entries numbered above this
//   $limit: integer — at most this many
// returns:
//   entry: map — every stored field of the entry
MATCH (e:AuditEntry)
WHERE e.seq > $after
WITH e ORDER BY e.seq LIMIT toInteger($limit)
RETURN properties(e) AS entry
