// description: A conduit and its stored rules with their resolved ranges, for validating and
//   normalising a proposed firewall change (rule ids to remove or modify must be on it).
// mode: read
// params:
//   $conduit: string — conduit id
// returns:
//   id: string; defaultAction: string
//   rules: list<map> — stored rule properties ordered by seq
MATCH (c:Conduit {id: $conduit})
RETURN c.id AS id, c.defaultAction AS defaultAction,
  COLLECT { MATCH (c)-[:HAS_RULE]->(r:FirewallRule) RETURN properties(r) ORDER BY r.seq } AS rules
