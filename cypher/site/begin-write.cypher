// description: First statement of every transaction that writes the site: moves the site revision
//   on by one and returns it. Setting the property takes the revision head's write lock, held to
//   commit, so site writes run one after another (each reads what the previous one committed)
//   and two writers can never both act on the state they read. The head exists from start-up
//   (schema.cypher), so this never races to create it.
// mode: write
// returns:
//   revision: integer — the revision this transaction writes
MATCH (h:RevisionHead {id: 'site'})
SET h.revision = h.revision + 1
RETURN h.revision AS revision
