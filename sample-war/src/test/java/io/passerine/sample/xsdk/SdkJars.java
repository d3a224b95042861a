package io.passerine.sample.xsdk;

import java.io.File;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * X's Java SDK and the libraries it loads, as jars taken from this test classpath (one jar per marker class), for
 * test WARs whose code calls X's API through the SDK inside the server. Test scope only: sample.war never holds them.
 */
public final class SdkJars {

    private static final List<String> MARKERS = List.of(
            "com.twitter.clientlib.ApiClient",                       // twitter-api-java-sdk
            "okhttp3.OkHttpClient",                                  // okhttp(-jvm)
            "okhttp3.logging.HttpLoggingInterceptor",                // logging-interceptor
            "okio.Buffer",                                           // okio(-jvm)
            "kotlin.Unit",                                           // kotlin-stdlib (OkHttp's)
            "com.google.gson.Gson",
            "io.gsonfire.GsonFireBuilder",
            "org.apache.commons.lang3.StringUtils",
            "javax.ws.rs.core.GenericType",                          // the SDK's oneOf models use it
            "com.github.scribejava.core.oauth.OAuth20Service",
            "com.github.scribejava.apis.TwitterApi",
            "com.github.scribejava.java8.base64.Java8Base64",
            "io.swagger.annotations.ApiModel");

    private SdkJars() {
    }

    /** {@code war} with the SDK's jars in {@code WEB-INF/lib}. */
    public static WebArchive addTo(WebArchive war) {
        return war.addAsLibraries(jars().toArray(File[]::new));
    }

    static Set<File> jars() {
        Set<File> jars = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            try {
                Class<?> c = Class.forName(marker, false, SdkJars.class.getClassLoader());
                jars.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("X's SDK needs " + marker + " on the test classpath", e);
            }
        }
        return jars;
    }
}
