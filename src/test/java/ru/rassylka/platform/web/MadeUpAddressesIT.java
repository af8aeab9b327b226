package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.TestLogins;
import ru.rassylka.testing.WebClient;

/** Addresses made up by visitors: they are answered, and they leave nothing behind in memory. */
@ArquillianTest
@RunAsClient
class MadeUpAddressesIT {

    private static final String PASSWORD = "made-up password";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    private URL base;

    @Test
    void tenThousandMadeUpItemAddressesLeaveTheAddressMappingAsLargeAsTheViewsItHas() throws Exception {
        String email = logins().create("made-up-items");
        // the two view pages are found once
        assertEquals(404, new WebClient(uri()).get("blog/999999999999").statusCode());
        assertEquals(404, logins().logIn(email).get("runs/999999999999").statusCode());
        int before = viewFiles();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> slices = new ArrayList<>();
            for (int slice = 0; slice < 4; slice++) {
                long first = slice * 2_500L;
                // each thread with its own session, as four visitors would
                WebClient visitor = slice % 2 == 0 ? new WebClient(uri()) : logins().logIn(email);
                String folder = slice % 2 == 0 ? "blog/" : "runs/";
                slices.add(pool.submit(() -> LongStream.range(first, first + 2_500)
                        .mapToObj(i -> folder + (900_000_000_000L + i))
                        .map(path -> path + " " + visitor.get(path).statusCode())
                        .filter(answer -> !answer.endsWith(" 404"))
                        .toList()));
            }
            for (Future<List<String>> slice : slices) {
                assertEquals(List.of(), slice.get());
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(before, viewFiles());
        assertTrue(before < 100, "only view files are remembered: " + before);
    }

    @Test
    void anItemAddressWithLeadingZerosIsRedirectedToItsOneSpelling() {
        HttpResponse<String> response = new WebClient(uri()).get("blog/00012?lang=en");
        assertEquals(301, response.statusCode());
        assertTrue(
                response.headers().firstValue("Location").orElse("").endsWith("/blog/12?lang=en"),
                response.headers().firstValue("Location").toString());
    }

    @Test
    void aBlogPagePastTheLastOrBeforeTheFirstAnswers404() {
        WebClient anonymous = new WebClient(uri());
        assertEquals(200, anonymous.get("blog/?page=1").statusCode());
        assertEquals(404, anonymous.get("blog/?page=99999").statusCode());
        assertEquals(404, anonymous.get("blog/?page=0").statusCode());
        // asked again: a 404 is never stored and answered from the page cache as a page
        assertEquals(404, anonymous.get("blog/?page=99999").statusCode());
    }

    private int viewFiles() {
        return Integer.parseInt(
                new WebClient(uri()).get("test-support/view-files").body().trim());
    }

    private TestLogins logins() {
        return new TestLogins(uri(), PASSWORD);
    }

    private URI uri() {
        return URI.create(base.toString());
    }
}
