package ru.rassylka.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;

/** Makes forms, links and redirects point at clean addresses instead of {@code .xhtml} files, view pages at {@code /folder/id}. */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return CleanUrls.clean(
                context.getExternalContext().getRequestContextPath(), super.getActionURL(context, viewId));
    }

    @Override
    public String getBookmarkableURL(
            FacesContext context, String viewId, Map<String, List<String>> parameters, boolean includeViewParams) {
        return CleanUrls.cleanItem(super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
    }

    @Override
    public String getRedirectURL(
            FacesContext context, String viewId, Map<String, List<String>> parameters, boolean includeViewParams) {
        return CleanUrls.cleanItem(super.getRedirectURL(context, viewId, parameters, includeViewParams));
    }
}
