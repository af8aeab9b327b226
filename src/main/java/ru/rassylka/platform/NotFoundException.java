package ru.rassylka.platform;

/** Nothing with this id that the caller may see: pages answer 404, as if it did not exist. */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
