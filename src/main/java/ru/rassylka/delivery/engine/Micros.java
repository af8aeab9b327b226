package ru.rassylka.delivery.engine;

import java.time.Instant;

/** Instants as microseconds since the epoch, PostgreSQL's precision: how the engine passes timestamps in arrays. */
final class Micros {

    private Micros() {}

    /** The instant in whole microseconds since the epoch (finer parts dropped), 0 for none. */
    static long of(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
