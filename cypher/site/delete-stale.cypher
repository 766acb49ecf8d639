// description: Last node step of a replace: deletes the nodes Interlock owns that the new
//   document no longer has (their relationships went in site/delete-relationships). Runs after
//   every load, so no uniqueness check of the load steps sees these removals.
// mode: write
// params:
//   $labels: list<string> — the labels Interlock owns
//   $keep: list<string> — "Label:id" of every node the document has
// returns: nothing
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
WITH n, [label IN labels(n) WHERE label IN $labels][0] + ':' + n.id AS key
WHERE NOT key IN $keep
DETACH DELETE n
