// description: Every risk with the assets and zones it affects.
// mode: read
// returns:
//   props: map — stored properties
//   affects: list<string> — asset or zone ids, sorted
MATCH (r:Risk)
RETURN properties(r) AS props,
  COLLECT { MATCH (r)-[:AFFECTS]->(t) RETURN t.id ORDER BY t.id } AS affects
ORDER BY r.id
