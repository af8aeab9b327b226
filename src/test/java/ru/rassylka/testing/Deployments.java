package ru.rassylka.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of every container test: the real WAR of this build, the server-side test
 * support, all container test classes and the bounce report fixtures, so that one Payara Micro serves the whole run
 * ({@code testing.arquillian.SharedPayaraMicro}). Client-side test classes use {@code @RunAsClient}.
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive application() {
        File war = new File(System.getProperty("rassylka.war", "target/rassylka.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "rassylka-test.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addPackage(ru.rassylka.testing.server.TestMailServer.class.getPackage())
                .addClasses(WebClient.class, TestImages.class)
                // the real bounce reports, read by container tests from the class path
                .addAsResource(testClassesRoot().resolve("bounces").toFile(), "bounces");
        containerTestClasses().forEach(archive::addClass);
        return archive;
    }

    private static List<Class<?>> containerTestClasses() {
        Path root = testClassesRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith("IT.class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .map(Deployments::load)
                    .<Class<?>>map(type -> type)
                    .filter(type -> type.isAnnotationPresent(ArquillianTest.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClassesRoot() {
        try {
            return Path.of(Deployments.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
