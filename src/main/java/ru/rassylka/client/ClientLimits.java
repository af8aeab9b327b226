package ru.rassylka.client;

/** The import's size limits; the lengths of a client's fields are the entity's own ({@link Client#FULL_NAME_MAX} …). */
public final class ClientLimits {

    /** The largest file the import takes ("20 MB" in its messages); web.xml's multipart limits say the same. */
    public static final long IMPORT_FILE_MAX_BYTES = 20L * 1024 * 1024;
    /** The largest upload request: the file plus room for the form's other fields and the multipart framing. */
    public static final long IMPORT_REQUEST_MAX_BYTES = IMPORT_FILE_MAX_BYTES + 512 * 1024;

    private ClientLimits() {}
}
