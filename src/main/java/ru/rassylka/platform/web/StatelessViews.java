package ru.rassylka.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Marks the {@link StatelessPages} transient as soon as a page load has its view, before the view
 * is built: PrimeFaces keeps its script nonce in the view map (and so in a session) of any view
 * not yet transient when rendering starts.
 */
public class StatelessViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        UIViewRoot root = event.getFacesContext().getViewRoot();
        if (root != null && StatelessPages.VIEWS.contains(root.getViewId())) {
            root.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view exists
    }
}
