package ru.rassylka.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * Answers a form post that cannot be ours — a stale or foreign view state, a missing or wrong
 * script nonce — with 400 and the "page expired" page, rendered in place, and one short log line
 * instead of a 500 with stack traces (which a stream of forged posts would write to disk).
 */
public class ForgedPostbacks extends ExceptionHandlerFactory {

    static final String EXPIRED_VIEW = "/errors/expired.xhtml";
    private static final Logger LOGGER = Logger.getLogger(ForgedPostbacks.class.getName());

    public ForgedPostbacks(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Optional<String> reason = forgery(events.next().getContext().getException());
                if (reason.isPresent()) {
                    events.remove();
                    answerBadRequest(reason.get());
                }
            }
            getWrapped().handle();
        }

        private static void answerBadRequest(String reason) {
            FacesContext faces = FacesContext.getCurrentInstance();
            LOGGER.info(() -> "Refused a form post to " + faces.getExternalContext().getRequestServletPath() + ": " + reason);
            faces.getExternalContext().setResponseStatus(400);
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, EXPIRED_VIEW));
            if (faces.getPartialViewContext().isAjaxRequest()) {
                faces.getPartialViewContext().setRenderAll(true);
            }
            faces.renderResponse();
        }

        private static Optional<String> forgery(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return Optional.of("unknown or expired view state");
                }
                if (cause instanceof CspException) {
                    return Optional.of(String.valueOf(cause.getMessage()));
                }
            }
            return Optional.empty();
        }
    }
}
