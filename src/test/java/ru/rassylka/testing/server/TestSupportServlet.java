package ru.rassylka.testing.server;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import ru.rassylka.account.Role;

/**
 * Lets client-side tests prepare accounts and read received e-mails; deployed only with tests.
 * POST /test-support/users?email=…&password=…&roles=MANAGER,ADMIN creates a verified account;
 * GET /test-support/mail?to=…&count=N answers the text of that address's N-th e-mail.
 */
@WebServlet("/test-support/*")
public class TestSupportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TestAccounts accounts;

    @Inject
    private TestMailServer mailServer;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String roles = request.getParameter("roles");
        Role[] granted = roles == null || roles.isBlank() ? new Role[0]
                : Arrays.stream(roles.split(",")).map(Role::valueOf).toArray(Role[]::new);
        accounts.create(request.getParameter("email"), request.getParameter("password"), true, granted);
        response.setStatus(HttpServletResponse.SC_CREATED);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MimeMessage mail = mailServer.awaitMail(request.getParameter("to"), Integer.parseInt(request.getParameter("count")));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(TestMailServer.text(mail));
    }
}
