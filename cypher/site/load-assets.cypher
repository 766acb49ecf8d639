// description: Creates assets and links each to its zone (Asset)-[:IN_ZONE]->(Zone).
// mode: write
// params:
//   $rows: list<map> — {props: asset properties incl. ipInt, zone: zone id}
// returns: nothing
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
CREATE (a:Asset)-[:IN_ZONE]->(z)
SET a = row.props
