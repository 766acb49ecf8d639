// description: How traffic between two zones crosses the model: every shortest chain of conduits
//   from one zone to the other (parallel conduits, such as a primary and a secondary firewall
//   between the same zones, give one route each). No row for a pair no conduit chain connects.
//   Plan: allShortestPaths between two unique-index seeks; zone graphs are small.
// mode: read
// params:
//   $pairs: list<map> — {from: zone id, to: zone id}, distinct, from <> to
// returns:
//   from: string; to: string — the pair
//   conduits: list<string> — one route's conduits, in crossing order
UNWIND $pairs AS pair
MATCH (a:Zone {id: pair.from}), (b:Zone {id: pair.to})
MATCH route = allShortestPaths((a)-[:CONNECTS*..16]-(b))
RETURN pair.from AS from, pair.to AS to, [n IN nodes(route) WHERE n:Conduit | n.id] AS conduits
ORDER BY from, to, conduits
