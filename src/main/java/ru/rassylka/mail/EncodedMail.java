package ru.rassylka.mail;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * An e-mail whose header lines and body are already encoded, and written as they are: its header
 * lines and blank line as one array of bytes and its body as another, two writes to the transport.
 * Its sender and subject are known as given, so the transport, which reads both for every e-mail,
 * needs not parse them. The header lines become Jakarta Mail's headers only when something reads
 * or changes them (a test, a DKIM signature copies the written bytes instead). An {@link
 * SMTPMessage}, so that a return path can be its envelope sender.
 */
final class EncodedMail extends SMTPMessage {

    private final InternetAddress from;
    private final String subject;
    private final byte[] head;
    /** The header lines until they are handed to the headers; null afterwards. */
    private String[] lines;

    /**
     * @param from the sender, as the {@code From:} line names it
     * @param subject the subject as given, before it was encoded
     * @param lines the header lines, in their order
     * @param head the same lines as written, each with its CRLF, and the blank line
     * @param body the encoded body
     */
    EncodedMail(Session session, InternetAddress from, String subject, String[] lines, byte[] head, byte[] body) {
        super(session);
        this.from = from;
        this.subject = subject;
        this.lines = lines;
        this.head = head;
        content = body;
        modified = false;
        saved = true;
    }

    @Override
    public Address[] getFrom() throws MessagingException {
        return lines != null ? new Address[] {from} : super.getFrom();
    }

    @Override
    public String getSubject() throws MessagingException {
        return lines != null ? subject : super.getSubject();
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        if (lines == null || names(ignoreList)) {
            asHeaders();
            super.writeTo(os, ignoreList);
            return;
        }
        os.write(head);
        os.write(content);
        os.flush();
    }

    /** Whether one of the header lines has one of these names. */
    private boolean names(String[] names) {
        if (names == null) {
            return false;
        }
        for (String name : names) {
            for (String line : lines) {
                if (line.length() > name.length()
                        && line.charAt(name.length()) == ':'
                        && line.regionMatches(true, 0, name, 0, name.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void asHeaders() {
        if (lines != null) {
            for (String line : lines) {
                // each line is "Name: value"; set, not added, so that it takes the place Jakarta Mail gives it
                int colon = line.indexOf(':');
                headers.setHeader(line.substring(0, colon), line.substring(colon + 2));
            }
            lines = null;
        }
    }

    @Override
    public String[] getHeader(String name) throws MessagingException {
        asHeaders();
        return super.getHeader(name);
    }

    @Override
    public String getHeader(String name, String delimiter) throws MessagingException {
        asHeaders();
        return super.getHeader(name, delimiter);
    }

    @Override
    public void setHeader(String name, String value) throws MessagingException {
        asHeaders();
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) throws MessagingException {
        asHeaders();
        super.addHeader(name, value);
    }

    @Override
    public void removeHeader(String name) throws MessagingException {
        asHeaders();
        super.removeHeader(name);
    }

    @Override
    public Enumeration<Header> getAllHeaders() throws MessagingException {
        asHeaders();
        return super.getAllHeaders();
    }

    @Override
    public Enumeration<Header> getMatchingHeaders(String[] names) throws MessagingException {
        asHeaders();
        return super.getMatchingHeaders(names);
    }

    @Override
    public Enumeration<Header> getNonMatchingHeaders(String[] names) throws MessagingException {
        asHeaders();
        return super.getNonMatchingHeaders(names);
    }

    @Override
    public void addHeaderLine(String line) throws MessagingException {
        asHeaders();
        super.addHeaderLine(line);
    }

    @Override
    public Enumeration<String> getAllHeaderLines() throws MessagingException {
        asHeaders();
        return super.getAllHeaderLines();
    }

    @Override
    public Enumeration<String> getMatchingHeaderLines(String[] names) throws MessagingException {
        asHeaders();
        return super.getMatchingHeaderLines(names);
    }

    @Override
    public Enumeration<String> getNonMatchingHeaderLines(String[] names) throws MessagingException {
        asHeaders();
        return super.getNonMatchingHeaderLines(names);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        // the Message-ID is given with the other headers
    }
}
