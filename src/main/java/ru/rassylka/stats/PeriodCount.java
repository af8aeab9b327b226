package ru.rassylka.stats;

/**
 * Attempts of one period (a day or a month, as its label): messages accepted, failed for good,
 * and all attempts including the temporary failures that were tried again.
 */
public record PeriodCount(String period, long sent, long failed, long attempts) {}
