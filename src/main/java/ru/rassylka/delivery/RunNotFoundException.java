package ru.rassylka.stats;

import ru.rassylka.platform.BusinessException;

/** No run (or delivery) with this id that the caller may see: pages answer 404. */
public class RunNotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public RunNotFoundException(long id) {
        super("stats.runNotFound", id);
    }
}
