// description: The site's current revision.
// mode: read
// returns:
//   revision: integer — the number of the last committed site write (0 before any)
//   epoch: string|null — the head's random identity (site/ensure-revision-head); null before it exists
//   at: string|null — when that revision was written (null for revision 0)
OPTIONAL MATCH (h:RevisionHead {id: 'site'})
OPTIONAL MATCH (r:Revision {number: h.revision})
RETURN coalesce(h.revision, 0) AS revision, h.epoch AS epoch, r.at AS at
