// description: Every framework.
// mode: read
// returns:
//   props: map — stored properties
MATCH (f:Framework)
RETURN properties(f) AS props
ORDER BY f.id
