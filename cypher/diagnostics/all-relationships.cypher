// description: Every relationship, for tests that check the graph is exactly as it was.
// mode: read
// returns:
//   a: string — id of the start node
//   aLabels: list<string> — labels of the start node
//   type: string — relationship type
//   props: map — relationship properties
//   b: string — id of the end node
//   bLabels: list<string> — labels of the end node
MATCH (a)-[r]->(b)
RETURN a.id AS a, labels(a) AS aLabels, type(r) AS type, properties(r) AS props, b.id AS b, labels(b) AS bLabels
