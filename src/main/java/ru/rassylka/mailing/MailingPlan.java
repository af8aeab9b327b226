package ru.rassylka.mailing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * What the owner fills in for a mailing: the message and clients by id (resolved later among the
 * owner's own), the first send on the owner's wall clock, the periodicity and an optional end date.
 */
public record MailingPlan(
        String name,
        Long messageId,
        boolean allClients,
        Set<Long> clientIds,
        LocalDateTime firstSend,
        Periodicity periodicity,
        LocalDate endDate) {

    public MailingPlan {
        clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
    }

    /**
     * The first rule the plan breaks, as a message key, or empty when it can be saved. The name's
     * length is the entity's own constraint ({@link Mailing#NAME_MAX}), checked by Bean Validation.
     *
     * @param zone the owner's time zone, in which the first send is meant
     * @param now the current instant
     * @param previousFirstSend the first send saved before (editing), or null (creating); a first
     *     send left as it was may lie in the past, a new or changed one must lie in the future
     */
    public Optional<String> problem(ZoneId zone, Instant now, LocalDateTime previousFirstSend) {
        if (name == null || name.isBlank()) {
            return Optional.of("mailings.nameRequired");
        }
        if (messageId == null) {
            return Optional.of("mailings.messageRequired");
        }
        if (!allClients && clientIds.isEmpty()) {
            return Optional.of("mailings.recipientsRequired");
        }
        if (firstSend == null) {
            return Optional.of("mailings.firstSendRequired");
        }
        if (periodicity == null) {
            return Optional.of("mailings.periodicityRequired");
        }
        if (endDate != null && endDate.isBefore(firstSend.toLocalDate())) {
            return Optional.of("mailings.endBeforeFirst");
        }
        boolean changed = previousFirstSend == null || !previousFirstSend.equals(firstSend);
        if (changed && !ZonedDateTime.of(firstSend, zone).toInstant().isAfter(now)) {
            return Optional.of("mailings.firstSendInPast");
        }
        return Optional.empty();
    }

    public Schedule schedule(ZoneId zone) {
        return new Schedule(firstSend, zone, periodicity, endDate);
    }
}
