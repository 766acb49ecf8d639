// description: Site revisions after a given one, oldest first, each with its first changes.
// mode: read
// params:
//   $since: integer — list revisions numbered above this
//   $limit: integer — at most this many revisions
//   $perRevision: integer — at most this many changes per revision (the rest: journal/changes)
// returns:
//   revision: map — {number, at, action, actor, summary, changeCount}
//   changes: list<map> — {seq, collection, entity, op, before, after}, in seq order
MATCH (r:Revision)
WHERE r.number > $since
WITH r ORDER BY r.number LIMIT toInteger($limit)
RETURN properties(r) AS revision,
  COLLECT { MATCH (e:JournalEntry {revision: r.number}) WITH e ORDER BY e.seq LIMIT toInteger($perRevision) RETURN properties(e) } AS changes
