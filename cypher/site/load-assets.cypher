// description: Creates assets and links each to its zone (Asset)-[:IN_ZONE]->(Zone).
//   Nodes are merged by id, so a replace updates a stored node in place (site/delete-relationships).
// mode: write
// params:
//   $rows: list<map> — {props: asset properties incl. ipInt, zone: zone id}
// returns: nothing
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MERGE (a:Asset {id: row.props.id})
SET a = row.props
CREATE (a)-[:IN_ZONE]->(z)
