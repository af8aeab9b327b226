package ru.rassylka.mail;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An e-mail's bytes in the form SMTP's DATA takes them, as Angus Mail's own data stream writes them:
 * every line ends in CRLF (a bare CR or LF becomes one) and a line that starts with a dot gets a
 * second one, so that no line of the e-mail ends the data. The bytes of an e-mail written here are
 * already in that form but for the dots, so they go on in runs as long as the call gave them,
 * rather than line by line. Flushing is the transport's: {@link #flush()} does nothing, and neither
 * does {@link #close()}. Used by one thread, for one e-mail.
 */
final class SmtpDataStream extends OutputStream {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DOT = '.';
    private static final byte[] CRLF = {CR, LF};

    private final OutputStream server;
    /** Whether the next byte starts a line (so a dot there gets a second one). */
    private boolean lineStart = true;
    /** Whether the last byte written is a CR whose LF has not been written yet. */
    private boolean openCr;
    /** How many bytes of the e-mail were given so far. */
    private long given;

    SmtpDataStream(OutputStream server) {
        this.server = server;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        given += length;
        int end = offset + length;
        int run = offset; // the first byte not yet written
        int i = offset;
        if (openCr && i < end) {
            openCr = false;
            if (bytes[i] == LF) {
                i++; // the LF of the CR written last time
            } else {
                server.write(LF);
            }
        }
        while (i < end) {
            if (lineStart) {
                lineStart = false;
                if (bytes[i] == DOT) {
                    server.write(bytes, run, i - run);
                    server.write(DOT);
                    run = i;
                }
            }
            // most bytes: the rest of the line
            byte b = bytes[i];
            while (b != CR && b != LF && ++i < end) {
                b = bytes[i];
            }
            if (i == end) {
                break;
            }
            lineStart = true;
            if (b == LF) {
                // a bare LF
                server.write(bytes, run, i - run);
                server.write(CRLF);
                run = ++i;
            } else if (i + 1 == end) {
                openCr = true; // its LF may come with the next call
                i++;
            } else if (bytes[i + 1] == LF) {
                i += 2;
            } else {
                // a bare CR
                server.write(bytes, run, i + 1 - run);
                server.write(LF);
                run = ++i;
            }
        }
        if (run < end) {
            server.write(bytes, run, end - run);
        }
    }

    /** Ends the last line with CRLF unless it has ended, as the data must before the dot that ends it. */
    void endLine() throws IOException {
        if (openCr) {
            server.write(LF);
            openCr = false;
        } else if (!lineStart) {
            server.write(CRLF);
        }
        lineStart = true;
    }

    /** How many bytes of the e-mail were given so far (before the dots and line ends this stream adds). */
    long given() {
        return given;
    }

    @Override
    public void flush() {
        // the transport flushes once, with the dot that ends the data
    }
}
