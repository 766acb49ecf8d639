// description: What an incremental write needs to know of stored entities named by id: their
//   kind, version and fingerprint, and the few fields other entities' validity depends on (an
//   asset's zone, IP and type; a zone's CIDR; a conduit's zones; a rule's conduit; a requirement's
//   framework and whether it is assessable; a control's domain). Unknown ids are left out.
// mode: read
// params:
//   $ids: list<string> — ids of entities and rules
// returns:
//   id: string
//   label: string — the collection's label, or FirewallRule
//   version: integer|null — entityVersion (null for a rule)
//   hash: string|null — docHash (null for a rule)
//   ip: string|null — an asset's IP
//   type: string|null — an asset's type
//   cidr: string|null — a zone's CIDR
//   zone: string|null — an asset's zone
//   zones: list<string> — a conduit's zones, end 0 then end 1
//   conduit: string|null — the conduit a rule belongs to
//   framework: string|null — a requirement's framework
//   assessable: boolean|null — whether a requirement is assessed (or groups others)
//   domain: string|null — a control's domain (IT, OT, BOTH)
UNWIND $ids AS id
MATCH (n:SiteEntity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'SiteEntity'][0] AS label, n.entityVersion AS version, n.docHash AS hash,
  n.ip AS ip, n.type AS type, n.cidr AS cidr,
  COLLECT { MATCH (n)-[:IN_ZONE]->(z:Zone) RETURN z.id }[0] AS zone,
  COLLECT { MATCH (n)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end } AS zones,
  COLLECT { MATCH (c:Conduit)-[:HAS_RULE]->(n) RETURN c.id }[0] AS conduit,
  COLLECT { MATCH (n)-[:PART_OF]->(f:Framework) RETURN f.id }[0] AS framework,
  n.assessable AS assessable, CASE WHEN n:Control THEN n.domain END AS domain
