package ru.rassylka.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Small helpers for backing beans: localized messages and error answers. */
public final class Pages {

    static final String NOT_FOUND_VIEW = "/errors/404.xhtml";

    private Pages() {}

    /** The text of a key in the message bundle, in the language of the current view. */
    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /**
     * Answers the request with 404 and the not-found page, the same answer as for a page that does
     * not exist. On a page load the page is rendered in place, since an error dispatch from inside
     * a Faces request cannot render a Faces view; a forged form post just gets the status.
     */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            try {
                faces.getExternalContext().responseSendError(404, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        faces.getExternalContext().setResponseStatus(404);
        UIViewRoot notFound = faces.getApplication().getViewHandler().createView(faces, NOT_FOUND_VIEW);
        notFound.setTransient(faces.getViewRoot().isTransient());
        faces.setViewRoot(notFound);
        faces.renderResponse();
    }

    private static void add(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text(key, arguments), null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
