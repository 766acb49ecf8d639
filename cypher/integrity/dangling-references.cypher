// description: Invariant: every reference resolves, once. An asset is in exactly one zone, a flow
//   has exactly one source and one destination, a rule belongs to exactly one conduit, a
//   requirement to exactly one framework, and a rule's endpoint names an existing asset or zone.
// mode: read
// returns:
//   id: string — the entity at fault
//   detail: string — what is wrong
CALL () {
  MATCH (a:Asset) WITH a, COUNT { (a)-[:IN_ZONE]->(:Zone) } AS n WHERE n <> 1
  RETURN a.id AS id, 'asset is IN_ZONE of ' + n + ' zones' AS detail
  UNION ALL
  MATCH (f:Flow) WITH f, COUNT { (f)-[:FROM]->(:Asset) } AS src, COUNT { (f)-[:TO]->(:Asset) } AS dst WHERE src <> 1 OR dst <> 1
  RETURN f.id AS id, 'flow has ' + src + ' sources and ' + dst + ' destinations' AS detail
  UNION ALL
  MATCH (r:FirewallRule) WITH r, COUNT { (:Conduit)-[:HAS_RULE]->(r) } AS n WHERE n <> 1
  RETURN r.id AS id, 'rule belongs to ' + n + ' conduits' AS detail
  UNION ALL
  MATCH (q:Requirement) WITH q, COUNT { (q)-[:PART_OF]->(:Framework) } AS n WHERE n <> 1
  RETURN q.id AS id, 'requirement is PART_OF ' + n + ' frameworks' AS detail
  UNION ALL
  MATCH (r:FirewallRule)
  UNWIND [['source asset', r.srcAsset, 'Asset'], ['destination asset', r.dstAsset, 'Asset'], ['source zone', r.srcZone, 'Zone'], ['destination zone', r.dstZone, 'Zone']] AS end
  WITH r, end WHERE end[1] IS NOT NULL AND NOT EXISTS { MATCH (t:SiteEntity {id: end[1]}) WHERE end[2] IN labels(t) }
  RETURN r.id AS id, end[0] + ' ' + end[1] + ' does not exist' AS detail
}
RETURN id, detail
