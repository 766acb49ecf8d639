// description: Flows for the graph views with their endpoints, crossed conduits, routing devices
//   and whether they are safety-required (a SIF or a procedure DEPENDS_ON them). Restricted to
//   some ids, and/or to flows whose both endpoints sit in some zones (null: no restriction).
// mode: read
// params:
//   $ids: list<string>|null — flow ids to return; null for all
//   $zones: list<string>|null — zones both endpoints must be in; null for any zone
// returns:
//   props: map — stored flow properties
//   from: string — source asset id
//   to: string — destination asset id
//   via: list<string> — conduit ids in crossing order
//   routesThrough: list<string> — asset ids in order
//   safetyRequired: boolean — a SIF or a procedure depends on it
MATCH (src:Asset)<-[:FROM]-(f:Flow)-[:TO]->(dst:Asset)
WHERE ($ids IS NULL OR f.id IN $ids)
  AND ($zones IS NULL OR (EXISTS { (src)-[:IN_ZONE]->(z:Zone) WHERE z.id IN $zones }
                          AND EXISTS { (dst)-[:IN_ZONE]->(z:Zone) WHERE z.id IN $zones }))
RETURN properties(f) AS props, src.id AS from, dst.id AS to,
  COLLECT { MATCH (f)-[v:VIA]->(c:Conduit) RETURN c.id ORDER BY v.seq } AS via,
  COLLECT { MATCH (f)-[t:ROUTES_THROUGH]->(a:Asset) RETURN a.id ORDER BY t.seq } AS routesThrough,
  EXISTS { (:SIF)-[:DEPENDS_ON]->(f) } OR EXISTS { (:Procedure)-[:DEPENDS_ON]->(f) } AS safetyRequired
ORDER BY f.id
