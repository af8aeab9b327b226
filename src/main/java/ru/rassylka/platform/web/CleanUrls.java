package ru.rassylka.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mapping between clean addresses and Facelets views: {@code /mailings/} is
 * {@code /mailings/index.xhtml} (the container redirects {@code /mailings} there), {@code /mailings/edit} is {@code /mailings/edit.xhtml} and
 * {@code /blog/12} is {@code /blog/view.xhtml?id=12}.
 */
public final class CleanUrls {

    static final String VIEW_SUFFIX = ".xhtml";
    private static final String INDEX = "/index";
    private static final Pattern ITEM = Pattern.compile("(/[a-z][a-z0-9-]*)/(\\d{1,18})");
    // A link to a view page by its id: the folder, then the query's other parameters around the id
    private static final Pattern ITEM_LINK =
            Pattern.compile("(.*/[a-z][a-z0-9-]*)/view\\?(?:(.*)&)?id=(\\d{1,18})(?:&(.*))?");

    private CleanUrls() {}

    /** Whether a request path names no file, so that it may stand for a view. */
    public static boolean isClean(String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }

    /**
     * The one spelling of an item address written with leading zeros ({@code /blog/007} →
     * {@code /blog/7}); empty when the path is not an item address or is already spelled so.
     */
    public static Optional<String> canonicalItem(String path) {
        boolean folder = path.endsWith("/");
        Matcher item = ITEM.matcher(folder ? path.substring(0, path.length() - 1) : path);
        if (!item.matches() || item.group(2).length() == 1 || item.group(2).charAt(0) != '0') {
            return Optional.empty();
        }
        String number = item.group(2).replaceFirst("^0+(?=.)", "");
        return Optional.of(item.group(1) + "/" + number + (folder ? "/" : ""));
    }

    /** The views a clean path may stand for, in the order they are tried (with their query). */
    public static List<String> candidates(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Matcher item = ITEM.matcher(trimmed);
        if (item.matches()) {
            return List.of(item.group(1) + "/view" + VIEW_SUFFIX + "?id=" + item.group(2));
        }
        if (trimmed.isEmpty()) {
            return List.of(INDEX + VIEW_SUFFIX);
        }
        return List.of(trimmed + VIEW_SUFFIX, trimmed + INDEX + VIEW_SUFFIX);
    }

    /**
     * The clean address of a view's action URL, e.g. {@code /ctx/mailings/index.xhtml} →
     * {@code /ctx/mailings/} and {@code /ctx/index.xhtml} → {@code /ctx/}.
     */
    public static String clean(String contextPath, String actionUrl) {
        if (!actionUrl.startsWith(contextPath) || !actionUrl.endsWith(VIEW_SUFFIX)) {
            return actionUrl;
        }
        String view = actionUrl.substring(contextPath.length(), actionUrl.length() - VIEW_SUFFIX.length());
        if (view.equals(INDEX)) {
            return contextPath + "/";
        }
        if (view.endsWith(INDEX)) {
            // the folder with its slash: without it the container answers with a redirect to it
            view = view.substring(0, view.length() - INDEX.length() + 1);
        }
        return contextPath + view;
    }

    /**
     * The clean address of a link or redirect to a view page by its id, e.g.
     * {@code /ctx/runs/view?id=12&page=2} → {@code /ctx/runs/12?page=2}; any other URL as it is.
     */
    public static String cleanItem(String url) {
        int fragment = url.indexOf('#');
        String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
        Matcher link = ITEM_LINK.matcher(beforeFragment);
        if (!link.matches()) {
            return url;
        }
        String rest = Stream.of(link.group(2), link.group(4))
                .filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining("&"));
        return link.group(1) + "/" + link.group(3) + (rest.isEmpty() ? "" : "?" + rest)
                + (fragment < 0 ? "" : url.substring(fragment));
    }
}
