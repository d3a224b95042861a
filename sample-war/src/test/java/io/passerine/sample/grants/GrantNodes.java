package io.passerine.sample.grants;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.LibertyNodes;
import io.passerine.sample.SampleDeployments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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

    private final LibertyNodes nodes = new LibertyNodes(List.of("grants-a", "grants-b"), PORT_A);

    void start(LocalPostgres pg) throws Exception {
        Path war = Files.createTempFile("sample-grants", ".war");
        SampleDeployments.builtSample().addClasses(GrantsClusterProbe.class, GrantsClusterProbe.ClockBean.class,
                io.passerine.testing.MutableClock.class).as(ZipExporter.class).exportTo(war.toFile(), true);
        for (int i = 0; i < 2; i++) {
            Path dir = nodes.dir(i, war);
            Files.copy(LibertyNodes.jarOf("org.postgresql.Driver"), dir.resolve("postgresql.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("server.xml"), serverXml(pg.port));
            Files.writeString(dir.resolve("jvm.options"), String.join("\n",
                    "-Xmx300m",
                    "-Dpasserine.grants.data-source=jdbc/grants-pg",
                    "-Dsample.base-url=http://localhost:" + PORT_A,
                    "-Dsample.provider=" + EmulatorControl.BASE_URL, ""));
        }
        Files.deleteIfExists(war);
        nodes.startAll();
    }

    static String node(int port) {
        return LibertyNodes.url(port);
    }

    @Override
    public void close() throws Exception {
        nodes.close();
    }

    private static String serverXml(int pgPort) {
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
                """.formatted(LibertyNodes.mainServerXml(), pgPort);
    }
}
