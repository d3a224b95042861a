package io.passerine.sample.login;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs for the login ITs: the passerine-security jar and its libraries (taken from the built sample.war's
 * WEB-INF/lib, i.e. exactly what the build packaged), the tiny IT app, a web.xml protecting /me and /api/*, and a
 * microprofile-config.properties.
 */
final class LoginDeployments {

    static final String EMULATOR = io.passerine.sample.EmulatorControl.BASE_URL;

    private LoginDeployments() {
    }

    static WebArchive war(String name, Map<String, String> config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(LoginItApp.class, MeServlet.class, TokensResource.class, ClockControl.class,
                        io.passerine.testing.MutableClock.class, ClockControl.Hook.class, WriteServlet.class,
                        SessionProbe.class, SessionProbe.Counter.class)
                .setWebXML(new StringAsset(WEB_XML))
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
        File sample = new File(System.getProperty("sample.war", "target/sample.war"));
        WebArchive built = ShrinkWrap.create(ZipImporter.class, "sample.war").importFrom(sample).as(WebArchive.class);
        for (Map.Entry<ArchivePath, Node> e : built.getContent().entrySet()) {
            String path = e.getKey().get();
            if (path.startsWith("/WEB-INF/lib/") && path.endsWith(".jar") && e.getValue().getAsset() != null) {
                war.add(e.getValue().getAsset(), path);
            }
        }
        return war;
    }

    /** The emulator-backed configuration of {@code /login-it}. */
    static Map<String, String> emulatorConfig() {
        return Map.ofEntries(
                Map.entry("passerine.login.client-id", "sample-client"),
                Map.entry("passerine.login.client-secret", "sample-secret"),
                Map.entry("passerine.login.authorize-uri", EMULATOR + "/i/oauth2/authorize"),
                Map.entry("passerine.login.token-uri", EMULATOR + "/2/oauth2/token"),
                Map.entry("passerine.login.revoke-uri", EMULATOR + "/2/oauth2/revoke"),
                Map.entry("passerine.login.userinfo-uri", EMULATOR + "/2/users/me"),
                Map.entry("passerine.login.redirect-uri", "http://localhost:9080/login-it/oauth2/callback"),
                // no passerine.login.issuer: X (and so the emulator) sends no RFC 9207 iss, and a configured
                // issuer makes iss mandatory
                Map.entry("passerine.login.default-groups", "user"),
                Map.entry("passerine.login.connect-timeout", "2s"),
                Map.entry("passerine.login.read-timeout", "2s"));
    }

    private static String properties(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace(":", "\\:"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>protected</web-resource-name>
                  <url-pattern>/me</url-pattern>
                  <url-pattern>/write</url-pattern>
                  <url-pattern>/note</url-pattern>
                  <url-pattern>/api/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>**</role-name></auth-constraint>
              </security-constraint>
              <security-role><role-name>tweet.read</role-name></security-role>
              <security-role><role-name>tweet.write</role-name></security-role>
              <security-role><role-name>user</role-name></security-role>
            </web-app>
            """;
}
