// description: For assets going down for a patch, every SIF element group that contains one of
//   them, with the voting arithmetic: a MooN group keeps its ability to trip while at least M of
//   its N channels remain (2oo3 losing one is still 2oo2; 1oo2 losing one is still 1oo1; 1oo1
//   losing its one channel cannot trip).
// mode: read
// params:
//   $targets: list<string> — asset ids going down
// returns:
//   sif: string; sifName: string; sil: integer
//   group: string; role: string; voting: string
//   n: integer — channels in the group; m: integer — channels needed to trip
//   down: list<string> — the group's targeted channels, in group order
//   canTrip: boolean — at least m channels remain
MATCH (s:SIF)-[e:HAS_ELEMENT]->(a:Asset)
WHERE a.id IN $targets
WITH DISTINCT s, e.group AS group
MATCH (s)-[g:HAS_ELEMENT {group: group}]->(member:Asset)
WITH s, group, g, member ORDER BY g.seq
WITH s, group, head(collect(g.role)) AS role, head(collect(g.voting)) AS voting, count(member) AS n,
  [x IN collect(member.id) WHERE x IN $targets] AS down
WITH s, group, role, voting, n, down, toInteger(split(voting, 'oo')[0]) AS m
RETURN s.id AS sif, s.name AS sifName, s.sil AS sil, group, role, voting, n, m, down, n - size(down) >= m AS canTrip
ORDER BY sif, group
