package ru.rassylka.delivery.bounce;

/** A recipient the SMTP server refused for good during the session: the delivery, its address and the server's reply. */
public record Refusal(long deliveryId, long runId, String email, int code, String reply) {}
