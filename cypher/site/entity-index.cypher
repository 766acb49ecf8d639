// description: Every site entity (rules are part of their conduit) with its collection label,
//   version and fingerprint, ordered by id: what a replace import compares the new document
//   against, and the list an export reads in batches.
// mode: read
// returns:
//   id: string
//   label: string — the collection's label
//   version: integer — the entity's version (entityVersion)
//   hash: string — SHA-256 of its canonical document (docHash)
MATCH (n:SiteEntity)
WHERE NOT n:FirewallRule
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'SiteEntity'][0] AS label, n.entityVersion AS version, n.docHash AS hash
ORDER BY id
