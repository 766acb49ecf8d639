// description: The journal's changes after a revision that touch any of the given entities: the
//   entity itself was created, changed or deleted, or a change's before/after names it (a new
//   flow crossing a conduit, a rule naming an asset). What makes an assessment stale.
// mode: read
// params:
//   $since: integer — the revision the assessment read; later revisions count
//   $ids: list<string> — every entity the assessment touched
//   $limit: integer — at most this many changes
// returns:
//   revision: integer — the revision that changed it
//   at: string — when (ISO-8601)
//   actor: string — who wrote that revision
//   action: string — what kind of write (update, import:merge …)
//   collection: string — the changed entity's collection
//   entity: string — the changed entity's id
//   op: string — create, update or delete
MATCH (e:JournalEntry)
WHERE e.revision > $since
  AND (e.entity IN $ids
    OR any(id IN $ids WHERE coalesce(e.before, '') CONTAINS ('"' + id + '"') OR coalesce(e.after, '') CONTAINS ('"' + id + '"')))
MATCH (rev:Revision {number: e.revision})
WITH e, rev ORDER BY e.revision, e.seq
LIMIT toInteger($limit)
RETURN e.revision AS revision, rev.at AS at, rev.actor AS actor, rev.action AS action, e.collection AS collection, e.entity AS entity, e.op AS op
