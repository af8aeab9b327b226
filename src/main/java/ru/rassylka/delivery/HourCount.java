package ru.rassylka.delivery;

import java.time.Instant;

/** Attempts with one outcome within one hour (UTC). */
public record HourCount(Instant hour, DeliveryState outcome, long attempts) {}
