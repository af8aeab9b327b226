package ru.rassylka.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/** Makes forms, links and redirects point at clean addresses instead of {@code .xhtml} files. */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return CleanUrls.clean(context.getExternalContext().getRequestContextPath(), super.getActionURL(context, viewId));
    }
}
