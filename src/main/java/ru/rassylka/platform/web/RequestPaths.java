package ru.rassylka.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the container mapped it: decoded, with {@code .}, {@code ..}, doubled
 * slashes and path parameters resolved. Decisions about what a request reaches are made on it,
 * never on the raw address: {@code /jakarta.faces.resource/%2e%2e/clients/} is the clients page.
 */
public final class RequestPaths {

    private RequestPaths() {}

    /** The servlet path and the path info, e.g. {@code /blog/12} (without the context path). */
    public static String mapped(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
