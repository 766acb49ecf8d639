// description: Conduits for the graph views: their two zones, enforcing firewalls and rule ids in
//   seq order (the rules themselves are read per conduit by read/conduit when one is opened).
// mode: read
// params:
//   $ids: list<string>|null — conduit ids to return; null for all
// returns:
//   props: map — stored conduit properties
//   zones: list<string> — zone ids, end 0 then end 1
//   firewalls: list<string> — enforcing asset ids in order
//   rules: list<string> — rule ids ordered by seq
MATCH (c:Conduit)
WHERE $ids IS NULL OR c.id IN $ids
RETURN properties(c) AS props,
  COLLECT { MATCH (c)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end } AS zones,
  COLLECT { MATCH (c)-[e:ENFORCED_BY]->(fw:Asset) RETURN fw.id ORDER BY e.seq } AS firewalls,
  COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule) RETURN r.id ORDER BY r.seq } AS rules
ORDER BY c.id
