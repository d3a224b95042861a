package io.passerine.sample;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Extra Open Liberty servers of a multi-node IT, made in the runtime {@code liberty:create} put in
 * {@code target/liberty/wlp}: node {@code i} is server {@code names.get(i)} on HTTP port {@code firstPort + i}, with the
 * sample deployed at {@code /sample}. The caller writes each node's configuration ({@link #dir}), then
 * {@link #startAll()}; {@link #close()} stops them.
 */
public final class LibertyNodes implements AutoCloseable {

    private final Path wlp = Path.of("target/liberty/wlp").toAbsolutePath();
    private final List<String> names;
    private final int firstPort;

    public LibertyNodes(List<String> names, int firstPort) {
        this.names = List.copyOf(names);
        this.firstPort = firstPort;
    }

    /** Node {@code i}'s server directory (created), with {@code apps/sample.war} copied from {@code war}. */
    public Path dir(int i, Path war) throws IOException {
        Path dir = wlp.resolve("usr/servers/" + names.get(i));
        Files.createDirectories(dir.resolve("apps"));
        Files.copy(war, dir.resolve("apps/sample.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("bootstrap.properties"),
                "http.port=" + (firstPort + i) + "\nhttps.port=" + (9643 + i) + "\n");
        return dir;
    }

    /** Starts every node at once and returns when each answers {@code /sample/}. */
    public void startAll() throws Exception {
        run("start");
        for (int i = 0; i < names.size(); i++) {
            waitReady(url(firstPort + i) + "/sample/");
        }
    }

    @Override
    public void close() throws Exception {
        run("stop");
    }

    public static String url(int port) {
        return "http://localhost:" + port;
    }

    /** The project's Liberty server.xml, for an {@code <include>}. */
    public static String mainServerXml() {
        return new File("../server-config/liberty/server.xml").getAbsolutePath();
    }

    /** The jar (on the test class path) that holds {@code className}. */
    public static Path jarOf(String className) throws Exception {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private void run(String action) throws Exception {
        List<Process> running = new ArrayList<>();
        for (String name : names) {
            File log = wlp.resolve("usr/servers/" + name + "-" + action + ".log").toFile();
            log.getParentFile().mkdirs();
            running.add(new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                    .redirectErrorStream(true).redirectOutput(log).start());
        }
        for (int i = 0; i < running.size(); i++) {
            if (!running.get(i).waitFor(120, TimeUnit.SECONDS)) {
                running.get(i).destroyForcibly();
                throw new IllegalStateException(action + " " + names.get(i) + " timed out");
            }
        }
    }

    private void waitReady(String url) throws Exception {
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
        throw new IllegalStateException(url + " not ready after 90 s (see " + wlp + "/usr/servers/" + names + "/logs)");
    }
}
