// description: Creates the site's revision head (revision 0) if the database has none; run once
//   at start-up after the schema, so that site/begin-write only ever takes its lock.
// mode: write
// returns: nothing
MERGE (h:RevisionHead {id: 'site'})
ON CREATE SET h.revision = 0
