// description: Every zone with how many assets it holds, ordered by Purdue level (top first) then id.
// mode: read
// returns:
//   props: map — stored zone properties
//   assetCount: integer — assets IN_ZONE
MATCH (z:Zone)
RETURN properties(z) AS props, COUNT { (z)<-[:IN_ZONE]-(:Asset) } AS assetCount
ORDER BY z.purdueLevel DESC, z.id
