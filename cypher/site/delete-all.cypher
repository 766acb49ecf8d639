// description: Removes every node Interlock owns (replace-mode import), relationships included.
// mode: write
// params:
//   $labels: list<string> — the labels Interlock owns (a fixed list from site-schema.ts)
// returns: nothing
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
DETACH DELETE n
