// description: What the site writes after a revision did that can move a control's effective
//   status: each later revision's action, with its journal changes to controls and evidence (a
//   control's assessment and domain; an evidence item's revisions, domains and the controls it
//   supports, before and after). Read by the statuses cache (server/assurance/status-cache.ts)
//   to recompute only the controls those changes touch.
// mode: read
// params:
//   $since: integer — the revision the cached statuses were read at; later revisions count
//   $limit: integer — at most this many revisions (the cache starts afresh beyond them)
// returns:
//   sinceAt: string|null — when revision $since was written: the cache checks it is the revision
//     it read (a database restored from a backup may number other writes the same)
//   revision: integer
//   action: string — create, update, delete, implement, or an import
//   changes: list<map> — {collection, entity, before, after, supports} of the controls and
//     evidence it changed: before and after as the journal holds them (JSON of the changed fields,
//     the whole document for a create or delete, null for none); supports: the controls an
//     evidence item supports now (empty for a control)
OPTIONAL MATCH (base:Revision {number: $since})
WITH base.at AS sinceAt
MATCH (rev:Revision)
WHERE rev.number > $since
WITH sinceAt, rev ORDER BY rev.number LIMIT toInteger($limit)
OPTIONAL MATCH (e:JournalEntry {revision: rev.number})
WHERE e.collection IN ['controls', 'evidence']
WITH sinceAt, rev, e ORDER BY e.seq
RETURN sinceAt, rev.number AS revision, rev.action AS action,
  collect(CASE WHEN e IS NULL THEN null ELSE {
    collection: e.collection, entity: e.entity, before: e.before, after: e.after,
    supports: COLLECT { MATCH (:Evidence {id: e.entity})-[:SUPPORTS]->(c:Control) RETURN c.id }
  } END) AS changes
ORDER BY revision
