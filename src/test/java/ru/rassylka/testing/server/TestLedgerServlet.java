package ru.rassylka.testing.server;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets client-side tests read the sending ledger and unsubscribe a client; deployed only with tests.
 * GET /test-support/ledger/runs?mailing=…, /test-support/ledger/count?run=…, /test-support/ledger/summary?run=…,
 * /test-support/ledger/user?email=…;
 * POST /test-support/ledger/unsubscribe?client=….
 */
@WebServlet("/test-support/ledger/*")
public class TestLedgerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TestLedger ledger;

    @Inject
    private TestSending sending;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer = switch (String.valueOf(request.getPathInfo())) {
            case "/runs" -> ledger.runs(Long.parseLong(request.getParameter("mailing")));
            case "/count" -> ledger.count(Long.parseLong(request.getParameter("run")));
            case "/summary" -> ledger.summary(Long.parseLong(request.getParameter("run")));
            case "/user" -> String.valueOf(ledger.userId(request.getParameter("email")));
            default -> null;
        };
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/unsubscribe".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        sending.unsubscribe(Long.parseLong(request.getParameter("client")));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
