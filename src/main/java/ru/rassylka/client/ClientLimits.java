package ru.rassylka.client;

/** Field lengths of a client, shared by the import, the forms and the table columns; the import's size limits. */
public final class ClientLimits {

    public static final int EMAIL_MAX = EmailAddresses.MAX_LENGTH;
    public static final int FULL_NAME_MAX = 200;
    public static final int COMMENT_MAX = 1000;
    /** The largest file the import takes ("20 MB" in its messages); web.xml's multipart limits say the same. */
    public static final long IMPORT_FILE_MAX_BYTES = 20L * 1024 * 1024;
    /** The largest upload request: the file plus room for the form's other fields and the multipart framing. */
    public static final long IMPORT_REQUEST_MAX_BYTES = IMPORT_FILE_MAX_BYTES + 512 * 1024;

    private ClientLimits() {}
}
