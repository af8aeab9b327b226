package ru.rassylka.client;

import ru.rassylka.platform.NotFoundException;

/** No client with this id belongs to the caller: unknown and foreign ids look the same. */
public class ClientNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ClientNotFoundException() {
        super("clients.notFound");
    }
}
