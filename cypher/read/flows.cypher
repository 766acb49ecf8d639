// description: Every flow in the export shape, plus whether it is safety-required and what
//   depends on it. A flow is safety-required when a SIF or a procedure DEPENDS_ON it.
// mode: read
// returns:
//   props, from, to, via, routesThrough — as export/flows
//   sifs: list<map> — {id, sil} of SIFs depending on it
//   procedures: list<string> — ids of procedures depending on it
MATCH (src:Asset)<-[:FROM]-(f:Flow)-[:TO]->(dst:Asset)
RETURN properties(f) AS props, src.id AS from, dst.id AS to,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
  COLLECT { MATCH (f)-[t:ROUTES_THROUGH]->(a:Asset) RETURN a.id ORDER BY t.seq } AS routesThrough,
  COLLECT { MATCH (s:SIF)-[:DEPENDS_ON]->(f) RETURN {id: s.id, sil: s.sil} ORDER BY s.id } AS sifs,
  COLLECT { MATCH (p:Procedure)-[:DEPENDS_ON]->(f) RETURN p.id ORDER BY p.id } AS procedures
ORDER BY f.id
