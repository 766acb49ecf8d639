// description: The document's site block (the Site node), if any.
// mode: read
// returns:
//   props: map — the Site node's properties
MATCH (s:Site)
RETURN properties(s) AS props
