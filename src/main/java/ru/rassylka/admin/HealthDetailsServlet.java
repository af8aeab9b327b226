package ru.rassylka.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.Readiness;
import ru.rassylka.platform.health.DatabaseHealth;
import ru.rassylka.platform.health.HealthDetails;

/**
 * /admin/health (administrators only, by the /admin constraint): the details the public /health
 * leaves out — database product and version, the SMTP server and whether it answers, whether
 * mailings are sent (and what to set when not), errors.
 */
@WebServlet("/admin/health")
public class HealthDetailsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    private DatabaseHealth database;

    @Inject
    private MailServerHealth mailServer;

    @Inject
    private SendingHealth sending;

    @Inject
    private DkimHealth dkim;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthDetails> checks =
                List.of(database.details(), mailServer.details(), sending.details(), dkim.details());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("{\"status\":\"" + (checks.get(0).up() ? "UP" : "DOWN") + "\",\"checks\":["
                        + checks.stream().map(HealthDetails::toJson).collect(Collectors.joining(",")) + "]}");
    }
}
