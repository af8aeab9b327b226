package ru.rassylka.mailing;

import ru.rassylka.platform.NotFoundException;

/** No mailing with this id among the caller's mailings: pages answer 404 and nothing changes. */
public class MailingNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public MailingNotFoundException(long id) {
        super("mailings.notFound", id);
    }
}
