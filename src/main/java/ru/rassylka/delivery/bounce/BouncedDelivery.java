package ru.rassylka.delivery.bounce;

/** The delivery a return path names: whose it is, its run, and the address it was sent to. */
public record BouncedDelivery(long deliveryId, long ownerId, long runId, long clientId, String email) {}
