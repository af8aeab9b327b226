package ru.rassylka.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Facelets files the application has, remembered once found. Only files that exist are kept,
 * so it holds at most one entry per view of the WAR, whatever addresses visitors make up.
 */
@ApplicationScoped
public class ViewFiles {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Whether the view (a file path, possibly with a query) is a file of the application. */
    boolean exists(ServletContext context, String view) {
        int query = view.indexOf('?');
        String file = query < 0 ? view : view.substring(0, query);
        if (known.contains(file)) {
            return true;
        }
        try {
            boolean found = context.getResource(file) != null;
            if (found) {
                known.add(file);
            }
            return found;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    /** How many files are remembered. */
    public int size() {
        return known.size();
    }
}
