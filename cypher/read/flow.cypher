// description: One flow in the read/flows shape.
// mode: read
// params:
//   $id: string — flow id
// returns:
//   props, from, to, via, routesThrough, sifs, procedures — as read/flows
MATCH (src:Asset)<-[:FROM]-(f:Flow {id: $id})-[:TO]->(dst:Asset)
RETURN properties(f) AS props, src.id AS from, dst.id AS to,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
  COLLECT { MATCH (f)-[t:ROUTES_THROUGH]->(a:Asset) RETURN a.id ORDER BY t.seq } AS routesThrough,
  COLLECT { MATCH (s:SIF)-[:DEPENDS_ON]->(f) RETURN {id: s.id, sil: s.sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (p:Procedure)-[:DEPENDS_ON]->(f) RETURN p.id ORDER BY p.id } AS procedures
