package ru.rassylka.stats;

import java.time.Instant;
import ru.rassylka.delivery.DeliveryState;

/** Attempts with one outcome within one hour (UTC). */
public record HourCount(Instant hour, DeliveryState outcome, long attempts) {}
