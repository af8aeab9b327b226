package ru.rassylka.mail;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.MessagingException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The development mailbox page: what the service has "sent", a page at a time, and a test e-mail to check the way. */
@Named
@ViewScoped
public class DevMailboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DevMailbox mailbox;

    @Inject
    private Mailer mailer;

    @Inject
    private transient Logger logger;

    @NotBlank
    @Email
    private String recipient = "test@example.org";

    private SearchableLazyModel<CapturedMail> messages;

    @PostConstruct
    void init() {
        messages = new SearchableLazyModel<>(
                search -> mailbox.kept(),
                (search, sort, ascending, first, size) -> mailbox.page(first, size),
                CapturedMail::number);
    }

    public void load() {
        if (!mailbox.isActive()) {
            Pages.notFound();
            return;
        }
        messages.changed();
    }

    public void sendTestMail() {
        try {
            mailer.send(OutgoingMail.plain(
                    recipient, Pages.text("devMailbox.testSubject"), Pages.text("devMailbox.testText")));
            Pages.info("devMailbox.sent", recipient);
        } catch (MessagingException e) {
            logger.log(Level.WARNING, "The test e-mail could not be sent", e);
            Pages.error("devMailbox.notSent", e.getMessage());
        }
        messages.changed();
    }

    public SearchableLazyModel<CapturedMail> getMessages() {
        return messages;
    }

    /** The older e-mails the mailbox dropped to keep the newest {@link DevMailbox#KEPT}. */
    public long getDropped() {
        return mailbox.dropped();
    }

    public int getKept() {
        return DevMailbox.KEPT;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }
}
