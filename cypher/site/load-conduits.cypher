// description: Creates conduits, (Conduit)-[:CONNECTS {end}]->(Zone) for both ends and
//   (Conduit)-[:ENFORCED_BY {seq}]->(Asset) for its firewalls.
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props, zones: [zoneId, zoneId], firewalls: [assetId]}
// returns: nothing
UNWIND $rows AS row
MERGE (c:Conduit {id: row.props.id})
SET c = row.props
WITH c, row
CALL (c, row) {
  UNWIND range(0, size(row.zones) - 1) AS end
  MATCH (z:Zone {id: row.zones[end]})
  CREATE (c)-[:CONNECTS {end: end}]->(z)
}
CALL (c, row) {
  UNWIND range(0, size(row.firewalls) - 1) AS seq
  MATCH (fw:Asset {id: row.firewalls[seq]})
  CREATE (c)-[:ENFORCED_BY {seq: seq}]->(fw)
}
