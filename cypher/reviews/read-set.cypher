// description: What an assessment read around the entities it touched: the zones a conduit or asset
//   sits in, the flows crossing, starting or ending at them, the SIFs and procedures depending on
//   those flows, and the SIFs, procedures and roles using them. Stored with the assessment, so a
//   later change to any of these marks it stale.
// mode: read
// params:
//   $ids: list<string> — the entities the changes and findings name
// returns:
//   id: string — one of $ids that exists
//   related: list<string> — zones, flows, users and dependants around it
//   dependants: list<list<string>> — per flow around it, the SIFs and procedures depending on it
MATCH (n:SiteEntity) WHERE n.id IN $ids
WITH n,
  [(n)-[:CONNECTS|IN_ZONE]->(z:Zone) | z.id] AS zones,
  [(f:Flow)-[:VIA|FROM|TO|ROUTES_THROUGH]->(n) | f] AS flows,
  [(u:SiteEntity)-[:HAS_ELEMENT|USES|ACCESSES|PERFORMED_BY]->(n) | u.id] AS users
RETURN n.id AS id, zones + [f IN flows | f.id] + users AS related,
  [f IN flows | [(d:SiteEntity)-[:DEPENDS_ON]->(f) | d.id]] AS dependants
