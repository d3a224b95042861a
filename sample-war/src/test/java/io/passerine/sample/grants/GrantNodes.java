package io.passerine.sample.grants;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleDeployments;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Two Open Liberty servers, grants-a (9280) and grants-b (9281), sharing one PostgreSQL for the stored grants
 * ({@code jdbc/grants-pg}, non-transactional, the PostgreSQL JDBC driver as a {@code <library>}); the project's
 * server.xml included, the sample deployed with {@link GrantsClusterProbe}. No shared session or cache: the database is
 * all they share. Both send users back to node A's callback URL (the emulator registers it).
 */
final class GrantNodes implements AutoCloseable {

    static final int PORT_A = 9280;
    static final int PORT_B = 9281;

    private final Path wlp = Path.of("target/liberty/wlp").toAbsolutePath();
    private final List<String> names = List.of("grants-a", "grants-b");

    void start(LocalPostgres pg) throws Exception {
        Path war = Files.createTempFile("sample-grants", ".war");
        SampleDeployments.builtSample().addClasses(GrantsClusterProbe.class, GrantsClusterProbe.ClockBean.class,
                GrantsClusterProbe.Adjustable.class).as(ZipExporter.class).exportTo(war.toFile(), true);
        for (int i = 0; i < 2; i++) {
            Path dir = wlp.resolve("usr/servers/" + names.get(i));
            Files.createDirectories(dir.resolve("apps"));
            Files.copy(war, dir.resolve("apps/sample.war"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(jarOf("org.postgresql.Driver"), dir.resolve("postgresql.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("server.xml"), serverXml(pg.port));
            Files.writeString(dir.resolve("bootstrap.properties"),
                    "http.port=" + (PORT_A + i) + "\nhttps.port=" + (9643 + i) + "\n");
            Files.writeString(dir.resolve("jvm.options"), String.join("\n",
                    "-Xmx300m",
                    "-Dpasserine.grants.data-source=jdbc/grants-pg",
                    "-Dsample.base-url=http://localhost:" + PORT_A,
                    "-Dsample.provider=" + EmulatorControl.BASE_URL, ""));
        }
        Files.deleteIfExists(war);
        Process a = server("start", "grants-a");
        Process b = server("start", "grants-b");
        await(a, "start grants-a");
        await(b, "start grants-b");
        waitReady(node(PORT_A) + "/sample/");
        waitReady(node(PORT_B) + "/sample/");
    }

    static String node(int port) {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        Process a = server("stop", "grants-a");
        Process b = server("stop", "grants-b");
        await(a, "stop grants-a");
        await(b, "stop grants-b");
    }

    private static String serverXml(int pgPort) {
        String main = new File("../server-config/liberty/server.xml").getAbsolutePath();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a node of the stored-grant cluster IT (made by GrantNodes) -->
                <server>
                  <include location="%s"/>
                  <library id="pgLib">
                    <file name="${server.config.dir}/postgresql.jar"/>
                  </library>
                  <dataSource id="grantsPg" jndiName="jdbc/grants-pg" transactional="false">
                    <jdbcDriver libraryRef="pgLib"/>
                    <properties.postgresql serverName="127.0.0.1" portNumber="%d" databaseName="grants"
                        user="postgres" password="unused-trust-auth"/>
                  </dataSource>
                  <webApplication id="sample" location="sample.war" contextRoot="/sample"/>
                </server>
                """.formatted(main, pgPort);
    }

    private Process server(String action, String name) throws IOException {
        File log = wlp.resolve("usr/servers/" + name + "-" + action + ".log").toFile();
        log.getParentFile().mkdirs();
        return new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void await(Process p, String what) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " timed out");
        }
    }

    private static void waitReady(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            try {
                int s = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (s < 400) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " not ready after 90 s (see target/liberty/wlp/usr/servers/grants-*/logs)");
    }

    private static Path jarOf(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
