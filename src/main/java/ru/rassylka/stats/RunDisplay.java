package ru.rassylka.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunFigures;

/** How statistics pages show a run's times, duration, speed and progress. */
@Named
@ApplicationScoped
public class RunDisplay {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** The instant on the zone's wall clock, or an empty text. */
    public String time(Instant at, String zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(ZoneId.of(zone)));
    }

    public String duration(MailingRun run) {
        return RunFigures.format(run.progress().duration(Instant.now()));
    }

    public String rate(MailingRun run) {
        return RunFigures.format(run.progress().rate(Instant.now()));
    }

    public int percent(MailingRun run) {
        return run.progress().percentDone();
    }
}
