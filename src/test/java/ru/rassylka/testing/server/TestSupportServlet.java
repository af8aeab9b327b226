package ru.rassylka.testing.server;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import ru.rassylka.account.Accounts;
import ru.rassylka.account.Role;
import ru.rassylka.admin.ManagerRoles;
import ru.rassylka.manage.UserAdministration;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.web.ViewFiles;

/**
 * Lets client-side tests prepare accounts and read received e-mails; deployed only with tests.
 * POST /test-support/users?email=…&password=…&roles=MANAGER,ADMIN creates a verified account;
 * GET /test-support/mail?to=…&count=N answers the text of that address's N-th e-mail (waiting for
 * it), /test-support/mail-count?to=… the number of e-mails the address has received so far,
 * /test-support/envelope-count?to=… the number of e-mails whose envelope (RCPT TO) named the address.
 * As the caller of the request's session: POST /test-support/block?email=…&reason=… blocks an
 * account, /test-support/grant?email=… and /test-support/revoke?email=… the MANAGER role
 * (204, or 409 with the refusal's message key); POST /test-support/reset?email=…&password=… sets a
 * password through the reset link mailed to the address. GET /test-support/view-files answers how
 * many view files the clean addresses have found.
 */
@WebServlet("/test-support/*")
public class TestSupportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TestAccounts accounts;

    @Inject
    private TestMailServer mailServer;

    @Inject
    private UserAdministration administration;

    @Inject
    private ManagerRoles managerRoles;

    @Inject
    private Accounts self;

    @Inject
    private ViewFiles viewFiles;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/block" -> administration.block(accounts.byEmail(email).getId(), request.getParameter("reason"));
                case "/grant" -> managerRoles.grant(accounts.byEmail(email).getId());
                case "/revoke" -> managerRoles.revoke(accounts.byEmail(email).getId());
                case "/reset" -> {
                    int before = mailServer.to(email).size();
                    self.requestPasswordReset(email);
                    String token = TestMailServer.token(mailServer.awaitMail(email, before + 1))
                            .orElseThrow();
                    self.resetPassword(token, request.getParameter("password"));
                }
                default -> {
                    createUser(request);
                    response.setStatus(HttpServletResponse.SC_CREATED);
                    return;
                }
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.getWriter().write(e.getMessageKey());
        }
    }

    private void createUser(HttpServletRequest request) {
        String roles = request.getParameter("roles");
        Role[] granted = roles == null || roles.isBlank()
                ? new Role[0]
                : Arrays.stream(roles.split(",")).map(Role::valueOf).toArray(Role[]::new);
        accounts.create(request.getParameter("email"), request.getParameter("password"), true, granted);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/view-files".equals(request.getPathInfo())) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(String.valueOf(viewFiles.size()));
            return;
        }
        if ("/mail-count".equals(request.getPathInfo())) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write(String.valueOf(
                            mailServer.to(request.getParameter("to")).size()));
            return;
        }
        if ("/envelope-count".equals(request.getPathInfo())) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write(String.valueOf(
                            mailServer.envelopeTo(request.getParameter("to")).size()));
            return;
        }
        MimeMessage mail =
                mailServer.awaitMail(request.getParameter("to"), Integer.parseInt(request.getParameter("count")));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(TestMailServer.text(mail));
    }
}
