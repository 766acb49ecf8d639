// description: Every evidence record with the controls it supports.
// mode: read
// returns:
//   props: map — stored properties
//   supports: list<string> — control ids, sorted
MATCH (e:Evidence)
RETURN properties(e) AS props,
  COLLECT { MATCH (e)-[:SUPPORTS]->(c:Control) RETURN c.id ORDER BY c.id } AS supports
ORDER BY e.id
