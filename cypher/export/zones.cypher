// description: Every zone, ordered by id.
// mode: read
// returns:
//   props: map — the zone's stored properties (derived cidrLo/cidrHi included)
MATCH (z:Zone)
RETURN properties(z) AS props
ORDER BY z.id
