// description: Every node with its labels and properties: a full snapshot, used by the tests to
//   prove that a rejected import or a what-if query left the graph exactly as it was.
// mode: read
// returns:
//   labels: list<string> — the node's labels
//   props: map — its properties
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
