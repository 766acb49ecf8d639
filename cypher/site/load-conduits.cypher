// description: Creates conduits, (Conduit)-[:CONNECTS {end}]->(Zone) for both ends and
//   (Conduit)-[:ENFORCED_BY {seq}]->(Asset) for its firewalls.
// mode: write
// params:
//   $rows: list<map> — {props, zones: [zoneId, zoneId], firewalls: [assetId]}
// returns: nothing
UNWIND $rows AS row
CREATE (c:Conduit)
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
