package ru.rassylka.message;

import ru.rassylka.platform.NotFoundException;

/** No message with this id among the caller's messages: pages answer 404 and nothing changes. */
public class MessageNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public MessageNotFoundException(long id) {
        super("messages.notFound", id);
    }
}
