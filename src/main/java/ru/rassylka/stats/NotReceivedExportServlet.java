package ru.rassylka.stats;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.RunStatistics;

/**
 * GET /runs/export?id=… downloads who did not receive a run (failed and skipped, with the last
 * reason) as CSV, a page at a time; it only reads. A run the caller may not see answers 404.
 */
@WebServlet("/runs/export")
public class NotReceivedExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 1000;

    @Inject
    private RunStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null
                || !id.matches("\\d{1,18}")
                || statistics.run(Long.parseLong(id)).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long runId = Long.parseLong(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"not-received-" + runId + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (NotReceivedCsv csv = new NotReceivedCsv(response.getOutputStream())) {
            long after = -1;
            List<Delivery> page;
            do {
                page = statistics.notReceivedAfter(runId, after, PAGE_SIZE);
                for (Delivery delivery : page) {
                    csv.write(delivery);
                    after = delivery.getClientId();
                }
            } while (page.size() == PAGE_SIZE);
        }
    }
}
