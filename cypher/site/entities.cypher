// description: Site entities by id, each in the one shape site/from-graph.ts rebuilds documents
//   from: the node's properties, its relationships to other site entities and, for a conduit,
//   its rules. Ids that name no entity (or a rule) are left out.
// mode: read
// params:
//   $ids: list<string> — entity ids
// returns:
//   label: string — the collection's label (Zone, Asset …)
//   props: map — stored properties
//   out: list<map> — {type, to, props} of each relationship to another entity, rules excepted
//   rules: list<map> — a conduit's rules' stored properties (empty otherwise)
UNWIND $ids AS id
MATCH (n:SiteEntity {id: id})
WHERE NOT n:FirewallRule
RETURN [l IN labels(n) WHERE l <> 'SiteEntity'][0] AS label, properties(n) AS props,
  COLLECT { MATCH (n)-[r]->(m:SiteEntity) WHERE NOT m:FirewallRule RETURN {type: type(r), to: m.id, props: properties(r)} } AS out,
  COLLECT { MATCH (n)-[:HAS_RULE]->(rule:FirewallRule) RETURN properties(rule) } AS rules
