package ru.rassylka.delivery;

/** One user's totals in the manager's report. */
public record UserTotals(long userId, String email, Totals totals) {}
