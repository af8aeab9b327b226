package ru.rassylka.mail;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.MessagingException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.rassylka.platform.web.Pages;

/** The development mailbox page: what the service has "sent", and a test e-mail to check the way. */
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

    private List<CapturedMail> messages = List.of();

    public void load() {
        if (!mailbox.isActive()) {
            Pages.notFound();
            return;
        }
        messages = mailbox.messages();
    }

    public void sendTestMail() {
        try {
            mailer.send(OutgoingMail.plain(recipient, Pages.text("devMailbox.testSubject"), Pages.text("devMailbox.testText")));
            Pages.info("devMailbox.sent", recipient);
        } catch (MessagingException e) {
            logger.log(Level.WARNING, "The test e-mail could not be sent", e);
            Pages.error("devMailbox.notSent", e.getMessage());
        }
        messages = mailbox.messages();
    }

    public List<CapturedMail> getMessages() {
        return messages;
    }

    /** All e-mails received, of which the page shows the newest {@link DevMailbox#SHOWN}. */
    public int getReceived() {
        return mailbox.count();
    }

    public int getShown() {
        return DevMailbox.SHOWN;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }
}
