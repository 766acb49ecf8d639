// description: Every relationship with its endpoints' ids, type and properties (see all-nodes).
// mode: read
// returns:
//   a: string — start node id
//   type: string — relationship type
//   props: map — its properties
//   b: string — end node id
MATCH (a)-[r]->(b)
RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b
