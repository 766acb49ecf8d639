// description: Every asset with its zone, ordered by id.
// mode: read
// returns:
//   props: map — the asset's stored properties
//   zone: string — the id of the zone it is IN_ZONE of
MATCH (a:Asset)-[:IN_ZONE]->(z:Zone)
RETURN properties(a) AS props, z.id AS zone
ORDER BY a.id
