package io.passerine.sample.cluster;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.LibertyNodes;
import io.passerine.sample.SampleDeployments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Two Open Liberty servers, node-a (9280) and node-b (9281), made from the runtime liberty:create put in
 * {@code target/liberty/wlp}: the project's server.xml included, plus sessionCache-1.0 over embedded Hazelcast (a
 * {@code <library>} shared with the app), the same transaction key and the same JCache names. Both use the x-emulator
 * in its own server ({@link EmulatorControl#BASE_URL}, started by the build) and send users back to node A's callback
 * URL (one public URL, as behind a load balancer; the emulator registers it), and the test delivers that callback to
 * whichever node it wants.
 */
final class ClusterNodes implements AutoCloseable {

    static final int PORT_A = 9280;
    static final int PORT_B = 9281;
    static final String EMULATOR = EmulatorControl.BASE_URL;
    private static final List<String> NAMES = List.of("node-a", "node-b");

    private final LibertyNodes nodes = new LibertyNodes(NAMES, PORT_A);

    void start() throws Exception {
        String cluster = "passerine-it-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String txKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        Path war = Files.createTempFile("sample-cluster", ".war");
        SampleDeployments.builtSample().addClass(ClusterProbe.class).as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        for (int i = 0; i < 2; i++) {
            Path dir = nodes.dir(i, war);
            Files.copy(LibertyNodes.jarOf("com.hazelcast.core.Hazelcast"), dir.resolve("hazelcast.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(LibertyNodes.jarOf("javax.cache.Caching"), dir.resolve("cache-api.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("server.xml"), serverXml());
            Files.writeString(dir.resolve("hazelcast.xml"), hazelcastXml(cluster, NAMES.get(i), 5811 + i));
            Files.writeString(dir.resolve("jvm.options"), String.join("\n",
                    "-Xmx300m",
                    "-Dhazelcast.config=" + dir.resolve("hazelcast.xml"),
                    "-Dhazelcast.jcache.provider.type=member",
                    "-Dhazelcast.phone.home.enabled=false",
                    "-Dhazelcast.logging.type=jdk",
                    "-Dpasserine.login.transaction-keys=" + txKey,
                    "-Dpasserine.login.cache=jcache:passerine-login",
                    "-Dpasserine.app-only.cache=jcache:passerine-app-only",
                    // issue 17: each node's jdbc/passerine is its own H2 file, and stored grants need one database
                    // shared by all nodes (GrantsClusterIT tests that, on PostgreSQL): off here
                    "-Dpasserine.login.store-grants=false",
                    "-Dsample.base-url=http://localhost:" + PORT_A,
                    "-Dsample.provider=" + EMULATOR, ""));
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

    private static String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a cluster node of the cluster IT (made by ClusterNodes) -->
                <server>
                  <include location="%s"/>
                  <featureManager>
                    <feature>sessionCache-1.0</feature>
                  </featureManager>
                  <library id="JCacheLib">
                    <file name="${server.config.dir}/hazelcast.jar"/>
                    <file name="${server.config.dir}/cache-api.jar"/>
                  </library>
                  <httpSessionCache libraryRef="JCacheLib" writeContents="ONLY_SET_ATTRIBUTES"
                      writeFrequency="END_OF_SERVLET_SERVICE"/>
                  <webApplication id="sample" location="sample.war" contextRoot="/sample">
                    <classloader commonLibraryRef="JCacheLib"/>
                  </webApplication>
                </server>
                """.formatted(LibertyNodes.mainServerXml());
    }

    private static String hazelcastXml(String cluster, String name, int port) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <cluster-name>%s</cluster-name>
                  <instance-name>passerine-%s</instance-name>
                  <network>
                    <port auto-increment="false">%d</port>
                    <join>
                      <multicast enabled="false"/>
                      <auto-detection enabled="false"/>
                      <tcp-ip enabled="true"><member>127.0.0.1:5811</member><member>127.0.0.1:5812</member></tcp-ip>
                    </join>
                    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                  </network>
                </hazelcast>
                """.formatted(cluster, name, port);
    }
}
