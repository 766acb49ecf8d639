// description: Invariant: every conduit connects exactly two different zones. Returns the
//   conduits that do not.
// mode: read
// returns:
//   id: string — the conduit
//   detail: string — what is wrong
MATCH (c:Conduit)
WITH c, COLLECT { MATCH (c)-[:CONNECTS]->(z:Zone) RETURN z.id } AS ends
WHERE size(ends) <> 2 OR ends[0] = ends[1]
RETURN c.id AS id, 'connects ' + size(ends) + ' zone end(s): ' + reduce(s = '', e IN ends | s + CASE s WHEN '' THEN '' ELSE ', ' END + e) AS detail
