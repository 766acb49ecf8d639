// description: One conduit with its zones, firewalls and ordered rules (the export/conduits shape).
// mode: read
// params:
//   $id: string — conduit id
// returns:
//   props: map — stored conduit properties
//   zones: list<string> — zone ids, end 0 then end 1
//   firewalls: list<string> — enforcing asset ids in order
//   rules: list<map> — stored rule properties ordered by seq
MATCH (c:Conduit {id: $id})
RETURN properties(c) AS props,
  COLLECT { MATCH (c)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end } AS zones,
  COLLECT { MATCH (c)-[e:ENFORCED_BY]->(fw:Asset) RETURN fw.id ORDER BY e.seq } AS firewalls,
  COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule) RETURN properties(r) ORDER BY r.seq } AS rules
