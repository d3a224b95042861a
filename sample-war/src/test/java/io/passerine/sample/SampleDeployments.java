package io.passerine.sample;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: the sample WAR exactly as the build produced it. */
final class SampleDeployments {

    private SampleDeployments() {
    }

    /** The built {@code sample.war} (context root {@code /sample}). */
    static WebArchive builtSample() {
        File war = new File(System.getProperty("sample.war", "target/sample.war"));
        return ShrinkWrap.create(ZipImporter.class, "sample.war").importFrom(war).as(WebArchive.class);
    }
}
