package ru.rassylka.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Set;

/**
 * The pages anonymous visitors open keep no view state (transient views), so showing them creates
 * no HTTP session; their forms still post (the view is built afresh) and their beans are request
 * scoped. Marked right after the view is restored, before anything that asks whether it is
 * transient (PrimeFaces keeps its script nonce in the view map of other views).
 */
public class StatelessViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    static final Set<String> VIEWS = Set.of(
            "/index.xhtml", "/blog/index.xhtml", "/blog/view.xhtml",
            "/login.xhtml", "/register.xhtml", "/password-reset.xhtml",
            Pages.NOT_FOUND_VIEW, "/errors/403.xhtml", "/errors/500.xhtml", "/errors/expired.xhtml");

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        UIViewRoot root = event.getFacesContext().getViewRoot();
        if (root != null && VIEWS.contains(root.getViewId())) {
            root.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // only after the view exists
    }
}
