package ru.rassylka.delivery.bounce;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One reading of the bounce mailbox: every message goes through the reader and the recorder, and
 * is deleted once its report is recorded (or found not to be one), so the next reading starts
 * with what is left. A message the recorder fails on stays for the next reading; a mailbox that
 * cannot be opened throws, and the caller backs off.
 */
public final class BounceMailboxReader {

    private static final Logger LOGGER = Logger.getLogger(BounceMailboxReader.class.getName());

    private final BounceMailboxSettings settings;
    private final Function<MimeMessage, BounceReport> reader;
    private final Function<BounceReport, BounceOutcome> recorder;

    /** What one reading did. */
    public record Reading(int read, int recorded, int ignored, int left) {}

    public BounceMailboxReader(
            BounceMailboxSettings settings,
            Function<MimeMessage, BounceReport> reader,
            Function<BounceReport, BounceOutcome> recorder) {
        this.settings = settings;
        this.reader = reader;
        this.recorder = recorder;
    }

    /** Reads the messages waiting in the folder and deletes those it dealt with. */
    public Reading readAll() throws MessagingException {
        Session session = Session.getInstance(settings.sessionProperties());
        int read = 0;
        int recorded = 0;
        int ignored = 0;
        int left = 0;
        try (Store store = session.getStore(settings.protocol())) {
            store.connect(
                    settings.host(),
                    settings.port(),
                    settings.user().orElse(null),
                    settings.password().orElse(null));
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.getMessages()) {
                    read++;
                    try {
                        BounceOutcome outcome = recorder.apply(reader.apply((MimeMessage) message));
                        if (outcome == BounceOutcome.RECORDED || outcome == BounceOutcome.ALREADY_RECORDED) {
                            recorded++;
                        } else {
                            ignored++;
                        }
                        message.setFlag(Flags.Flag.DELETED, true);
                    } catch (RuntimeException e) {
                        left++;
                        LOGGER.log(Level.FINE, "A message of the bounce mailbox stays for the next reading", e);
                    }
                }
            } finally {
                folder.close(true); // expunges the deleted messages (POP3 deletes them at QUIT)
            }
        }
        return new Reading(read, recorded, ignored, left);
    }
}
