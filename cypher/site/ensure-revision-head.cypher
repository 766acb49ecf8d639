// description: Creates the site's revision head (revision 0) if the database has none; run once
//   at start-up after the schema, so that site/begin-write only ever takes its lock. The head's
//   epoch is random and new with every head: revision numbers that start again from 0 (an emptied
//   database) are not mistaken by a cache for the ones it saw.
// mode: write
// returns: nothing
MERGE (h:RevisionHead {id: 'site'})
ON CREATE SET h.revision = 0
SET h.epoch = coalesce(h.epoch, randomUUID())
