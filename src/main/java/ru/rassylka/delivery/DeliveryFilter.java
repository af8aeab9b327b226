package ru.rassylka.delivery;

import java.util.List;

/** The outcomes a run's deliveries can be filtered by on the run page. */
public enum DeliveryFilter {
    ALL(List.of()),
    SENT(List.of(DeliveryState.SENT)),
    FAILED(List.of(DeliveryState.FAILED)),
    RETRYING(List.of(DeliveryState.RETRY)),
    SKIPPED(List.of(DeliveryState.SKIPPED)),
    PENDING(List.of(DeliveryState.PENDING, DeliveryState.SENDING)),
    /** Who did not receive it: failed or skipped. */
    NOT_RECEIVED(List.of(DeliveryState.FAILED, DeliveryState.SKIPPED));

    private final List<DeliveryState> states;

    DeliveryFilter(List<DeliveryState> states) {
        this.states = states;
    }

    /** The states the filter keeps; empty for all. */
    public List<DeliveryState> states() {
        return states;
    }

    public String getName() {
        return name();
    }
}
