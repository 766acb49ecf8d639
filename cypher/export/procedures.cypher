// description: Every procedure with the assets it uses, flows it depends on, roles performing it
//   and SIFs it backs up.
// mode: read
// returns:
//   props: map — stored properties
//   uses, dependsOn, performedBy, backsUp: list<string> — ids, sorted
MATCH (p:Procedure)
RETURN properties(p) AS props,
  COLLECT { MATCH (p)-[:USES]->(a:Asset) RETURN a.id ORDER BY a.id } AS uses,
  COLLECT { MATCH (p)-[:DEPENDS_ON]->(f:Flow) RETURN f.id ORDER BY f.id } AS dependsOn,
  COLLECT { MATCH (p)-[:PERFORMED_BY]->(r:Role) RETURN r.id ORDER BY r.id } AS performedBy,
  COLLECT { MATCH (p)-[:BACKS_UP]->(s:SIF) RETURN s.id ORDER BY s.id } AS backsUp
ORDER BY p.id
