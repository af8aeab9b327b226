package ru.rassylka.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.NotFoundException;

/**
 * The one place where an exception becomes a page. A refusal of a service ({@link BusinessException})
 * shows its message on the page the action came from, and one that finds nothing
 * ({@link NotFoundException}) answers 404 ({@link Pages#notFound()}); pages do not catch them.
 *
 * <p>Answers a form post that cannot be ours — a stale or foreign view state, a missing or wrong
 * script nonce — with 400 and the "page expired" page, rendered in place, and a short log line
 * instead of a 500 with stack traces; at most one line per kind every 10 seconds, with the count of
 * the others, since a stream of anonymous forged posts would otherwise write a line each to disk.
 */
public class PageExceptions extends ExceptionHandlerFactory {

    static final String EXPIRED_VIEW = "/errors/expired.xhtml";
    private static final Logger LOGGER = Logger.getLogger(PageExceptions.class.getName());
    private static final ThrottledLog LINES = new ThrottledLog(Duration.ofSeconds(10), InstantSource.system());

    /** What gave a post away: a fixed kind for the log's allowance, and the reason to tell. */
    private record Forgery(String kind, String reason) {}

    public PageExceptions(ExceptionHandlerFactory wrapped) {
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
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable exception = events.next().getContext().getException();
                Optional<Forgery> forgery = forgery(exception);
                Optional<BusinessException> refusal = refusal(exception);
                if (forgery.isPresent()) {
                    events.remove();
                    answerBadRequest(forgery.get());
                } else if (refusal.isPresent()
                        && FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                    events.remove();
                    show(refusal.get());
                }
            }
            getWrapped().handle();
        }

        private static void answerBadRequest(Forgery forgery) {
            FacesContext faces = FacesContext.getCurrentInstance();
            LINES.line(
                            forgery.kind(),
                            "Refused a form post to "
                                    + faces.getExternalContext().getRequestServletPath() + ": " + forgery.reason())
                    .ifPresent(LOGGER::info);
            faces.getExternalContext().setResponseStatus(400);
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, EXPIRED_VIEW));
            if (faces.getPartialViewContext().isAjaxRequest()) {
                faces.getPartialViewContext().setRenderAll(true);
            }
            faces.renderResponse();
        }

        /** Not found: 404; any other refusal: its message on the page the action came from, which renders again. */
        private static void show(BusinessException refusal) {
            if (refusal instanceof NotFoundException) {
                Pages.notFound();
            } else {
                Pages.error(refusal.getMessageKey(), refusal.getArguments());
            }
        }

        private static Optional<BusinessException> refusal(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof BusinessException refusal) {
                    return Optional.of(refusal);
                }
            }
            return Optional.empty();
        }

        private static Optional<Forgery> forgery(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return Optional.of(new Forgery("view state", "unknown or expired view state"));
                }
                if (cause instanceof CspException) {
                    return Optional.of(new Forgery("script nonce", String.valueOf(cause.getMessage())));
                }
            }
            return Optional.empty();
        }
    }
}
