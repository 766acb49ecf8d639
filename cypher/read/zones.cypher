// description: Every zone's id, top of the Purdue model first, with how many assets it holds (the
//   documents come from site/entities).
// mode: read
// returns:
//   id: string — zone id
//   assetCount: integer — assets IN_ZONE
MATCH (z:Zone)
RETURN z.id AS id, COUNT { (z)<-[:IN_ZONE]-(:Asset) } AS assetCount
ORDER BY z.purdueLevel DESC, z.id
