// description: Audit entries, newest first, filtered by actor, action (a prefix: "auth:" finds every
//   sign-in event) and time, a page at a time below a number.
// mode: read
// params:
//   $actor: string|null — only this actor's entries
//   $action: string|null — only actions starting with this
//   $from: string|null — at or after this ISO-8601 time
//   $to: string|null — before this ISO-8601 time
//   $before: integer|null — only entries numbered below this (the next page)
//   $limit: integer — at most this many
// returns:
//   entry: map — every stored field of the entry
MATCH (e:AuditEntry)
WHERE ($actor IS NULL OR e.actor = $actor)
  AND ($action IS NULL OR e.action STARTS WITH $action)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($before IS NULL OR e.seq < $before)
WITH e ORDER BY e.seq DESC LIMIT toInteger($limit)
RETURN properties(e) AS entry
