// description: Every conduit with its two zones (in document order), its firewalls and its rules
//   ordered by seq.
// mode: read
// returns:
//   props: map — the conduit's stored properties
//   zones: list<string> — the zone ids, end 0 then end 1
//   firewalls: list<string> — enforcing asset ids in order
//   rules: list<map> — stored rule properties, ordered by seq
MATCH (c:Conduit)
RETURN properties(c) AS props,
  COLLECT { MATCH (c)-[e:CONNECTS]->(z:Zone) RETURN z.id ORDER BY e.end } AS zones,
  COLLECT { MATCH (c)-[e:ENFORCED_BY]->(fw:Asset) RETURN fw.id ORDER BY e.seq } AS firewalls,
  COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule) RETURN properties(r) ORDER BY r.seq } AS rules
ORDER BY c.id
