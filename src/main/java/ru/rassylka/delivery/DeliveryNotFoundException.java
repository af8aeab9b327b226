package ru.rassylka.delivery;

import ru.rassylka.platform.NotFoundException;

/** No delivery with this id in a run the caller may see: pages answer 404. */
public class DeliveryNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotFoundException(long id) {
        super("stats.deliveryNotFound", id);
    }
}
