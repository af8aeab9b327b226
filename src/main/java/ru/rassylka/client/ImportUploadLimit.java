package ru.rassylka.client;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers an import upload above the size limit with the import page and its message, instead of
 * the error the container raises when Faces reads the parts of such a request.
 */
@WebFilter(
        urlPatterns = {"/clients/import", "/clients/import.xhtml"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class ImportUploadLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    // The body is read to its end before answering, so the browser sees the answer and not a reset
    // connection; beyond this much the connection is left to close instead
    private static final long MAX_BYTES_TO_SKIP = 5 * ClientLimits.IMPORT_REQUEST_MAX_BYTES;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        if ("POST".equals(request.getMethod())
                && type != null
                && type.startsWith("multipart/")
                && length > ClientLimits.IMPORT_REQUEST_MAX_BYTES) {
            if (length <= MAX_BYTES_TO_SKIP) {
                skip(request.getInputStream(), length);
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/clients/import?tooLarge=true");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void skip(InputStream body, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        int read;
        while (left > 0 && (read = body.read(buffer)) != -1) {
            left -= read;
        }
    }
}
