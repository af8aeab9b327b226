package ru.rassylka.platform.web;

/**
 * Fired before a page is answered from the page cache, so that a feature can still do what each
 * view of it must (count a view) or send the request on to the page after all ({@link #refuse()}).
 */
public final class CachedPageRequest {

    private final String path;
    private boolean refused;

    CachedPageRequest(String path) {
        this.path = path;
    }

    /** The address asked for, without the context path, e.g. {@code /blog/12}. */
    public String path() {
        return path;
    }

    /** The page is not to be answered from the cache: it is rendered (and answers e.g. 404). */
    public void refuse() {
        refused = true;
    }

    boolean isRefused() {
        return refused;
    }
}
