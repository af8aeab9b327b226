package ru.rassylka.delivery.unsubscribe;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.message.Template;
import ru.rassylka.platform.i18n.ActiveLanguage;
import ru.rassylka.platform.i18n.Language;

/**
 * {@code /unsubscribe?t=…}: GET shows what the link will do and changes nothing; POST (the
 * confirmation form, or a mail client's RFC 8058 one-click request) unsubscribes. A plain
 * servlet: the one-click POST comes without a session or Faces view state.
 */
@WebServlet("/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Unsubscriptions unsubscriptions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("t");
        ResourceBundle text = texts(request);
        Optional<Delivery> delivery = unsubscriptions.find(token);
        if (delivery.isEmpty()) {
            page(response, HttpServletResponse.SC_NOT_FOUND, text, text.getString("unsubscribe.invalid"), null);
            return;
        }
        String form = "<form method=\"post\" action=\"unsubscribe?t=" + escape(token) + "\">"
                + "<button type=\"submit\" id=\"confirm\">" + escape(text.getString("unsubscribe.confirm"))
                + "</button></form>";
        page(
                response,
                HttpServletResponse.SC_OK,
                text,
                MessageFormat.format(
                        text.getString("unsubscribe.question"), delivery.get().getEmail()),
                form);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle text = texts(request);
        Optional<String> address = unsubscriptions.unsubscribe(request.getParameter("t"));
        if (address.isEmpty()) {
            page(response, HttpServletResponse.SC_NOT_FOUND, text, text.getString("unsubscribe.invalid"), null);
            return;
        }
        page(
                response,
                HttpServletResponse.SC_OK,
                text,
                MessageFormat.format(text.getString("unsubscribe.done"), address.get()),
                null);
    }

    private static void page(HttpServletResponse response, int status, ResourceBundle text, String message, String form)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"" + text.getLocale().getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(text.getString("unsubscribe.title")) + "</title></head><body><main><h1>"
                + escape(text.getString("unsubscribe.title")) + "</h1><p id=\"message\">" + escape(message) + "</p>"
                + (form == null ? "" : form) + "</main></body></html>");
    }

    /** The language the visitor chose on this site before (its cookie), Russian otherwise, as on every page. */
    private static ResourceBundle texts(HttpServletRequest request) {
        Language language = ActiveLanguage.remembered(request).orElse(Language.DEFAULT);
        return ResourceBundle.getBundle("i18n.messages", language.locale(), UnsubscribeServlet.class.getClassLoader());
    }

    private static String escape(String value) {
        return value == null ? "" : Template.escapeHtml(value);
    }
}
