package ru.rassylka.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The pages anonymous visitors open: they keep no view state (transient views), so showing them
 * creates no HTTP session; their forms still post (the view is built afresh) and their beans are
 * request scoped. The layout's {@code f:view} marks them while a posted view is rebuilt;
 * {@link StatelessViews} marks them on a page load before anything asks.
 */
@Named
@ApplicationScoped
public class StatelessPages {

    static final Set<String> VIEWS = Set.of(
            "/index.xhtml",
            "/blog/index.xhtml",
            "/blog/view.xhtml",
            "/login.xhtml",
            "/register.xhtml",
            "/password-reset.xhtml",
            Pages.NOT_FOUND_VIEW,
            "/errors/403.xhtml",
            "/errors/500.xhtml",
            "/errors/expired.xhtml");

    public boolean contains(String viewId) {
        return VIEWS.contains(viewId);
    }
}
