package ru.rassylka.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import ru.rassylka.platform.i18n.PluralForm;

/** Small helpers for backing beans: localized messages and error answers. */
public final class Pages {

    static final String NOT_FOUND_VIEW = "/errors/404.xhtml";

    private Pages() {}

    /** The text of a key in the message bundle, in the language of the current view. */
    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0
                ? pattern
                : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
    }

    /** The counted text of a key: its {@code .one}, {@code .few} or {@code .many} form, as the count asks. */
    public static String counted(String key, long count) {
        return text(
                PluralForm.of(
                                count,
                                FacesContext.getCurrentInstance().getViewRoot().getLocale())
                        .key(key),
                count);
    }

    public static void infoCounted(String key, long count) {
        show(FacesMessage.SEVERITY_INFO, counted(key, count));
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /**
     * Answers the request with 404, never through the container's error dispatch (from inside a
     * Faces request it cannot render a Faces view and logs stack traces). A page load renders the
     * not-found page in place; a form post (forged: its page showed an id of the caller's own)
     * gets a short page, leaving the view it came from alone.
     */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(404);
        if (faces.isPostback()) {
            external.setResponseContentType("text/html");
            external.setResponseCharacterEncoding("UTF-8");
            try {
                external.getResponseOutputWriter()
                        .write("<!DOCTYPE html><html><body><h1 id=\"error-heading\">"
                                + text("error.404.title").replace("&", "&amp;").replace("<", "&lt;")
                                + "</h1></body></html>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        UIViewRoot notFound = faces.getApplication().getViewHandler().createView(faces, NOT_FOUND_VIEW);
        notFound.setTransient(faces.getViewRoot().isTransient());
        faces.setViewRoot(notFound);
        faces.renderResponse();
    }

    private static void add(FacesMessage.Severity severity, String key, Object... arguments) {
        show(severity, text(key, arguments));
    }

    /** Shows the text on this page or, after a redirect, on the next. */
    private static void show(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
