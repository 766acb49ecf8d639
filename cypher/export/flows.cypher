// description: Every flow with its endpoints, crossed conduits and routing devices in order.
// mode: read
// returns:
//   props: map — the flow's stored properties
//   from: string — source asset id
//   to: string — destination asset id
//   via: list<string> — conduit ids in crossing order
//   routesThrough: list<string> — asset ids in order
MATCH (src:Asset)<-[:FROM]-(f:Flow)-[:TO]->(dst:Asset)
RETURN properties(f) AS props, src.id AS from, dst.id AS to,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
  COLLECT { MATCH (f)-[t:ROUTES_THROUGH]->(a:Asset) RETURN a.id ORDER BY t.seq } AS routesThrough
ORDER BY f.id
