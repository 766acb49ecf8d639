// description: One hop of an asset neighbourhood: the flows that touch any of the given assets
//   (as source, destination, routing device, or firewall enforcing a conduit the flow crosses),
//   with every asset on each such flow. Bounded: at most $limit flows, lowest ids first.
// mode: read
// params:
//   $ids: list<string> — asset ids to expand from
//   $limit: integer — maximum flows returned
// returns:
//   flow: string — flow id
//   assets: list<string> — its endpoints, routing devices and the firewalls of crossed conduits
UNWIND $ids AS id
MATCH (a:Asset {id: id})
CALL (a) {
  MATCH (a)<-[:FROM|TO|ROUTES_THROUGH]-(f:Flow) RETURN f
  UNION
  MATCH (a)<-[:ENFORCED_BY]-(:Conduit)<-[:VIA]-(f:Flow) RETURN f
}
WITH DISTINCT f ORDER BY f.id LIMIT toInteger($limit)
RETURN f.id AS flow,
  COLLECT { MATCH (f)-[:FROM|TO|ROUTES_THROUGH]->(b:Asset) RETURN b.id AS bid
            UNION
            MATCH (f)-[:VIA]->(:Conduit)-[:ENFORCED_BY]->(b:Asset) RETURN b.id AS bid } AS assets
