package ru.rassylka.delivery;

import ru.rassylka.platform.NotFoundException;

/** No run with this id that the caller may see: pages answer 404. */
public class RunNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public RunNotFoundException(long id) {
        super("stats.runNotFound", id);
    }
}
