// description: Creates flows with (Flow)-[:FROM]->(Asset), (Flow)-[:TO]->(Asset),
//   (Flow)-[:VIA {seq}]->(Conduit) in crossing order and (Flow)-[:ROUTES_THROUGH {seq}]->(Asset).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, from, to, via: [conduitId], routesThrough: [assetId]}
// returns: nothing
UNWIND $rows AS row
MATCH (src:Asset {id: row.from})
MATCH (dst:Asset {id: row.to})
MERGE (f:Flow {id: row.props.id})
SET f = row.props
CREATE (src)<-[:FROM]-(f)-[:TO]->(dst)
WITH f, row
CALL (f, row) {
  UNWIND range(0, size(row.via) - 1) AS seq
  MATCH (c:Conduit {id: row.via[seq]})
  CREATE (f)-[:VIA {seq: seq}]->(c)
}
CALL (f, row) {
  UNWIND range(0, size(row.routesThrough) - 1) AS seq
  MATCH (a:Asset {id: row.routesThrough[seq]})
  CREATE (f)-[:ROUTES_THROUGH {seq: seq}]->(a)
}
