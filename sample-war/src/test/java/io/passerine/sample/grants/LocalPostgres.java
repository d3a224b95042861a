package io.passerine.sample.grants;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for one IT run: Debian's binaries ({@code /usr/lib/postgresql/<major>/bin}, installed
 * by server-config/install-postgres.sh), a fresh cluster in {@code target/postgres} on a free loopback port, trust
 * authentication, database {@code grants}. PostgreSQL refuses to run as root: then it runs as the user
 * {@code postgres} (runuser).
 */
final class LocalPostgres implements AutoCloseable {

    final int port;
    private final Path bin;
    private final Path data;
    private final boolean root;

    private LocalPostgres(Path bin, Path data, int port, boolean root) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = root;
    }

    /** The newest installed server binaries, if any. */
    static Optional<Path> binaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(base)) {
            return majors.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        }
    }

    static LocalPostgres start(Path bin) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Path.of("target/postgres").toAbsolutePath();
        if (Files.exists(data)) {
            run(root, bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate"); // a stale one
            deleteTree(data);
        }
        Files.createDirectories(data);
        if (root) {
            run(false, "chown", "postgres:postgres", data.toString());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(bin, data, port, root);
        pg.check(run(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync"), "initdb");
        pg.check(run(root, bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", data.toString(),
                "-l", data.resolve("server.log").toString(), "-o", "-p " + port + " -k " + data
                        + " -c listen_addresses=127.0.0.1 -c fsync=off"), "pg_ctl start");
        pg.check(run(root, bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "postgres", "grants"), "createdb");
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/grants";
    }

    @Override
    public void close() throws Exception {
        run(root, bin.resolve("pg_ctl").toString(), "stop", "-w", "-D", data.toString(), "-m", "fast");
    }

    private void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException(what + " failed (exit " + exit + "); see " + data + "/*.log");
        }
    }

    private static int run(boolean asPostgres, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        File log = Path.of("target/postgres-commands.log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
