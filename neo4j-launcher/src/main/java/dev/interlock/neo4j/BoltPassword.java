package dev.interlock.neo4j;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * The password of Neo4j's built-in user "neo4j", kept by the Node side in a file (one per data
 * folder). Two steps make the file the only truth, with no moment when Bolt accepts another
 * password:
 *
 * 1. Before start, the file's password is staged the way `neo4j-admin dbms set-initial-password`
 *    does it (data/dbms/auth.ini). Neo4j applies it while it starts, before Bolt listens, to a
 *    new system database and to one whose neo4j user still has the default password (a data
 *    folder from before Bolt authentication was turned on).
 * 2. After start, ALTER USER, run in-process on the system database, applies it whatever the
 *    stored password was: a rotated or regenerated file takes effect at the next start.
 */
final class BoltPassword {
    static final String USER = "neo4j";
    private static final int MIN_LENGTH = 8;

    private BoltPassword() {}

    static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the password file " + file + " holds fewer than " + MIN_LENGTH + " characters");
        }
        return password;
    }

    static void stageInitial(Path home, String password) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), quiet, System.err, new DefaultFileSystemAbstraction());
        int exit = new CommandLine(new SetInitialPasswordCommand(context)).execute(password);
        if (exit != 0) throw new IllegalStateException("could not stage the initial Bolt password (exit " + exit + ")");
    }

    /** The staged file holds only a salted hash, but it has done its job once Neo4j is up. */
    static void unstageInitial(Path home) throws IOException {
        Files.deleteIfExists(home.resolve("data").resolve("dbms").resolve("auth.ini"));
    }

    static void enforce(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do.
            if (!e.getMessage().contains("Old password and new password cannot be the same")) throw e;
        }
    }
}
