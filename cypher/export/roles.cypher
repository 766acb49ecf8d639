// description: Every role with the assets it accesses.
// mode: read
// returns:
//   props: map — stored properties
//   accesses: list<string> — asset ids, sorted
MATCH (r:Role)
RETURN properties(r) AS props,
  COLLECT { MATCH (r)-[:ACCESSES]->(a:Asset) RETURN a.id ORDER BY a.id } AS accesses
ORDER BY r.id
