package io.passerine.sample.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15: which Java the Liberty server under test really runs on. The build passes the expected feature release
 * ({@code server.java.feature}: the Maven JVM's by default, 25 with {@code -Pjava25}), so the Java 25 job cannot pass
 * on a server that quietly kept the default JDK.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerJvmIT {

    /** Answers the server JVM's feature release, e.g. {@code 25}. */
    @WebServlet("/java")
    public static class JavaVersionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print(Runtime.version().feature());
        }
    }

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "server-jvm.war").addClass(JavaVersionServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theServerRunsOnTheExpectedJava() throws Exception {
        String expected = System.getProperty("server.java.feature");
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "java")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(expected, r.body().trim(), "feature release of the server's JVM");
    }
}
