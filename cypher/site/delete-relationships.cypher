// description: First step of a replace: removes every relationship that starts at a node
//   Interlock owns. The nodes stay, so the load steps that follow MERGE them by id and only
//   nodes that really leave the site are deleted, at the end (site/delete-stale).
//   Why not delete every node and create it again: inside one transaction, a node created with
//   the id of a node deleted earlier in that transaction costs a uniqueness check that scans
//   the transaction's removals — measured at 0.5 ms per node on a 20,000-asset estate, which
//   made a replace import 20× slower than loading an empty database.
// mode: write
// params:
//   $labels: list<string> — the labels Interlock owns (a fixed list from site-schema.ts)
// returns: nothing
MATCH (n)-[r]->()
WHERE any(label IN labels(n) WHERE label IN $labels)
DELETE r
