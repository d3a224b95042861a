package io.passerine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deploys the built sample on a real Open Liberty and calls it over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleAppIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        return SampleDeployments.builtSample();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = TestHttp.client();

    @Test
    void homePageIsPublic() throws Exception {
        HttpResponse<String> res = get("");
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<h1>Passerine sample</h1>"), res.body());
    }

    @Test
    void aboutEndpointAnswersJson() throws Exception {
        HttpResponse<String> res = get("api/about");
        assertEquals(200, res.statusCode());
        assertEquals("application/json", res.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"module\":\"passerine-security\",\"name\":\"Passerine sample\"}", res.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return http.send(TestHttp.request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
