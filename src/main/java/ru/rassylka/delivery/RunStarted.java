package ru.rassylka.delivery;

/** Fired when a run's deliveries are written; observed after the commit to wake the workers. */
public record RunStarted(long runId) {}
