// description: How many Interlock nodes the database holds (0 means load the demo site).
// mode: read
// params:
//   $labels: list<string> — the labels Interlock owns
// returns:
//   count: integer — number of such nodes
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN count(n) AS count
