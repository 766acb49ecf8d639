// description: One procedure in the export shape.
// mode: read
// params:
//   $id: string — procedure id
// returns:
//   props, uses, dependsOn, performedBy, backsUp — as export/procedures
MATCH (p:Procedure {id: $id})
RETURN properties(p) AS props,
  COLLECT { MATCH (p)-[:USES]->(a:Asset) RETURN a.id ORDER BY a.id } AS uses,
  COLLECT { MATCH (p)-[:DEPENDS_ON]->(f:Flow) RETURN f.id ORDER BY f.id } AS dependsOn,
  COLLECT { MATCH (p)-[:PERFORMED_BY]->(r:Role) RETURN r.id ORDER BY r.id } AS performedBy,
  COLLECT { MATCH (p)-[:BACKS_UP]->(s:SIF) RETURN s.id ORDER BY s.id } AS backsUp
