package ru.rassylka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.client.ClientService;

/**
 * Every operation of a service is one public method with the service's role check, taking the
 * caller from the security context: no public twin that takes the owner and skips the check.
 */
class ServiceOperationsTest {

    @Test
    void noPublicServiceMethodTakesAnAccount() throws Exception {
        List<String> offending = publicServiceMethods()
                .filter(method -> Arrays.asList(method.getParameterTypes()).contains(User.class))
                .map(ServiceOperationsTest::name)
                .toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void servicesWithARoleOpenNoMethodToEveryone() throws Exception {
        List<String> offending = publicServiceMethods()
                .filter(method -> method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class))
                .filter(method -> method.isAnnotationPresent(PermitAll.class))
                .map(ServiceOperationsTest::name)
                .toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void theScanFindsTheServices() throws Exception {
        List<Class<?>> services = services().toList();
        assertTrue(services.contains(ClientService.class), services.toString());
        assertTrue(services.size() > 20, services.toString());
    }

    private static Stream<Method> publicServiceMethods() throws IOException, URISyntaxException {
        return services().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic());
    }

    /** The stateless and singleton beans among the application's compiled classes. */
    private static Stream<Class<?>> services() throws IOException, URISyntaxException {
        Path root = Path.of(ClientService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(Path::toString)
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .map(ServiceOperationsTest::load)
                    .filter(type -> type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class))
                    .toList()
                    .stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceOperationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
