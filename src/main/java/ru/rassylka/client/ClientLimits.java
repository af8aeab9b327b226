package ru.rassylka.client;

/** Field lengths of a client, shared by the import, the forms and the table columns. */
public final class ClientLimits {

    public static final int EMAIL_MAX = EmailAddresses.MAX_LENGTH;
    public static final int FULL_NAME_MAX = 200;
    public static final int COMMENT_MAX = 1000;

    private ClientLimits() {}
}
