// description: Every procedure's id, in id order (the documents come from site/entities).
// mode: read
// returns:
//   id: string — procedure id
MATCH (p:Procedure)
RETURN p.id AS id
ORDER BY id
