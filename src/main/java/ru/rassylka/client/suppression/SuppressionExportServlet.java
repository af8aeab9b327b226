package ru.rassylka.client.suppression;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;

/** GET /suppressions/export downloads the caller's suppression list as CSV; it only reads. */
@WebServlet("/suppressions/export")
public class SuppressionExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Suppressions suppressions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"suppressions-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        suppressions.export(response.getOutputStream());
    }
}
