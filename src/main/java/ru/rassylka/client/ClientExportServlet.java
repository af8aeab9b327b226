package ru.rassylka.client;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;

/** GET /clients/export downloads the caller's clients as CSV; it only reads. */
@WebServlet("/clients/export")
public class ClientExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClientService clients;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"clients-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        ClientExport.write(response.getOutputStream(), clients::after);
    }
}
