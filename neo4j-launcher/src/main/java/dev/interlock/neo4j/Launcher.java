package dev.interlock.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j 5 Community with Bolt on 127.0.0.1 only, and Bolt authentication on.
 *
 * Arguments: --data DIR --port N --password-file FILE [--pagecache-mb N] [--tx-memory-mb N]
 * Prints one line "INTERLOCK_NEO4J_READY bolt://127.0.0.1:PORT" when Bolt accepts connections,
 * which is the only contract with the Node side. Stops cleanly on SIGTERM/SIGINT (shutdown hook)
 * and when its standard input closes, so an orphaned JVM never outlives the Node process that
 * started it. The password is read from a file, never from the command line, where any local
 * user could read it in the process list; it is never printed.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path passwordFile = null;
        int port = 7687;
        long pageCacheMb = 256;
        long txMemoryMb = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--password-file" -> passwordFile = Path.of(args[++i]).toAbsolutePath();
                case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                case "--tx-memory-mb" -> txMemoryMb = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(64);
                }
            }
        }
        if (data == null || passwordFile == null) {
            System.err.println("usage: Launcher --data DIR --port N --password-file FILE [--pagecache-mb N]");
            System.exit(64);
        }
        String password = BoltPassword.read(passwordFile);
        // Before the DBMS starts, so Bolt never opens with Neo4j's default neo4j/neo4j.
        BoltPassword.stageInitial(data, password);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The map of a plant's safety paths sends nothing home, not even usage counts.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // The app closes its driver before it stops Neo4j: nothing is left for Bolt to wait
                // for, and its two 5 s waits would make every clean stop take 10 s.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        if (txMemoryMb > 0) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb));
        }
        DatabaseManagementService service = builder.build();
        BoltPassword.enforce(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        BoltPassword.unstageInitial(data);
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Touch the database so "ready" means a query can run, not only that the socket is open.
        db.executeTransactionally("RETURN 1");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "interlock-neo4j-shutdown"));

        System.out.println("INTERLOCK_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Parent gone (stdin closed) means nobody will send SIGTERM: exit, which runs the hook.
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input
                }
            } catch (Exception ignored) {
                // fall through to exit
            }
            System.exit(0);
        }, "interlock-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        stopped.await();
    }
}
