// description: Deletes every node and relationship: the test suite's fresh start (tests compare a
//   concurrent run with a serial replay from the same empty database). Nothing in the product
//   runs it; applying the schema afterwards re-creates the revision head.
// mode: write
// returns: nothing
MATCH (n)
DETACH DELETE n
