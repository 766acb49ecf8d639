// description: Every conduit's id, in id order (the documents come from site/entities).
// mode: read
// returns:
//   id: string — conduit id
MATCH (c:Conduit)
RETURN c.id AS id
ORDER BY id
