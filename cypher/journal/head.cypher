// description: The site's current revision.
// mode: read
// returns:
//   revision: integer — the number of the last committed site write (0 before any)
OPTIONAL MATCH (h:RevisionHead {id: 'site'})
RETURN coalesce(h.revision, 0) AS revision
