// description: Appends the record of one site revision: when, who, what kind of write and how many
//   entities it changed. The journal is append-only: no query updates or deletes these nodes.
// mode: write
// params:
//   $revision: map — {number, at (ISO-8601 UTC), action, actor, summary, changeCount}
// returns: nothing
CREATE (r:Revision)
SET r = $revision
