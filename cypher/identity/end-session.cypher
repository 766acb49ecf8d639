// description: Ends one session.
// mode: write
// params:
//   $id: string — SHA-256 of the session cookie's secret
// returns:
//   ended: integer — 1 when the session existed
OPTIONAL MATCH (s:AppSession {id: $id})
WITH s, count(s) AS ended
DETACH DELETE s
RETURN ended
