// description: Starts a browser session; its id is stored only as a hash.
// mode: write
// params:
//   $session: map — {id (SHA-256 of the cookie's secret), userId, createdAt, lastSeenAt, expiresAt}
// returns: nothing
CREATE (s:AppSession)
SET s = $session
