package io.passerine.sample;

import java.io.File;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy. */
public final class SampleDeployments {

    private SampleDeployments() {
    }

    /** The built {@code sample.war} (context root {@code /sample}). */
    public static WebArchive builtSample() {
        File war = new File(System.getProperty("sample.war", "target/sample.war"));
        return ShrinkWrap.create(ZipImporter.class, "sample.war").importFrom(war).as(WebArchive.class);
    }

    /** The built {@code sample.war} with {@code extraConfig} appended to its MicroProfile Config properties. */
    public static WebArchive builtSampleWith(String extraConfig) throws java.io.IOException {
        String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String config = java.nio.file.Files.readString(
                new File(System.getProperty("sample.dir", "target/sample"), path).toPath());
        WebArchive war = builtSample();
        war.delete(path);
        return war.add(new org.jboss.shrinkwrap.api.asset.StringAsset(config + "\n" + extraConfig), path);
    }

    /**
     * A test WAR named {@code name} holding the Passerine library and its dependencies exactly as the sample ships
     * them (its {@code WEB-INF/lib}), plus the given classes and MicroProfile Config properties.
     */
    public static WebArchive withPasserine(String name, String configProperties, Class<?>... classes) {
        File lib = new File(System.getProperty("sample.dir", "target/sample"), "WEB-INF/lib");
        File[] jars = Objects.requireNonNull(lib.listFiles((dir, n) -> n.endsWith(".jar")), "no " + lib);
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibraries(jars)
                .addClasses(classes)
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(configProperties),
                        "META-INF/microprofile-config.properties");
    }
}
