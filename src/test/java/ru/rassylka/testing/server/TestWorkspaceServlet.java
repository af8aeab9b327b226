package ru.rassylka.testing.server;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Set;
import ru.rassylka.mailing.Periodicity;

/**
 * Lets client-side tests prepare and inspect one owner's workspace; deployed only with tests.
 * POST /test-support/workspace/client?owner=…&email=…&name=…, /message?owner=…&subject=…&body=…,
 * /mailing?owner=…&name=…&message=ID[&client=ID]&first=2030-01-31T10:00&periodicity=MONTHLY
 * answer the new id; GET /test-support/workspace/mailing?id=… and /message?id=… answer a one-line
 * picture of the stored row, /mailings?owner=… the number of the owner's mailing rows.
 */
@WebServlet("/test-support/workspace/*")
public class TestWorkspaceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TestWorkspace workspace;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String owner = request.getParameter("owner");
        Long id = switch (String.valueOf(request.getPathInfo())) {
            case "/client" ->
                workspace
                        .createClient(owner, request.getParameter("email"), request.getParameter("name"))
                        .getId();
            case "/message" ->
                workspace
                        .createMessage(owner, request.getParameter("subject"), request.getParameter("body"))
                        .getId();
            case "/mailing" -> {
                String client = request.getParameter("client");
                yield workspace
                        .createMailing(
                                owner,
                                request.getParameter("name"),
                                Long.parseLong(request.getParameter("message")),
                                client == null ? null : Set.of(Long.parseLong(client)),
                                LocalDateTime.parse(request.getParameter("first")),
                                Periodicity.valueOf(request.getParameter("periodicity")))
                        .getId();
            }
            default -> null;
        };
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        write(response, id.toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/mailing" -> write(response, workspace.describe(Long.parseLong(request.getParameter("id"))));
            case "/message" -> write(response, workspace.describeMessage(Long.parseLong(request.getParameter("id"))));
            case "/mailings" -> write(response, String.valueOf(workspace.mailingRows(request.getParameter("owner"))));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void write(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
