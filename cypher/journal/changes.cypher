// description: One revision's changes from a position on, in seq order: pages through a large write.
// mode: read
// params:
//   $revision: integer — the revision
//   $offset: integer — skip this many changes
//   $limit: integer — at most this many
// returns:
//   change: map — {revision, seq, collection, entity, op, before, after}
MATCH (e:JournalEntry {revision: $revision})
WITH e ORDER BY e.seq SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN properties(e) AS change
