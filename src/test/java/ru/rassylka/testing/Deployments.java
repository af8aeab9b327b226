package ru.rassylka.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test deployments built from the real WAR of this build, plus the server-side test support. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive application() {
        File war = new File(System.getProperty("rassylka.war", "target/rassylka.war"));
        return ShrinkWrap.create(ZipImporter.class, "rassylka-test.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addPackage(ru.rassylka.testing.server.TestMailServer.class.getPackage());
    }
}
