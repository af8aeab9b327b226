package ru.rassylka.mailing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.client.Client;
import ru.rassylka.message.Message;
import ru.rassylka.platform.web.Pages;

/** Creates a mailing (no id) or edits one of the owner's; times are on the owner's wall clock. */
@Named
@ViewScoped
public class MailingEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailingService mailings;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private boolean loaded;
    private List<Message> messageChoices;
    private String zone;

    // the form's name field is the entity's own, so that it carries the entity's constraints
    private Mailing mailing = new Mailing();
    private Long messageId;
    private boolean allClients;
    private List<Client> recipients = new ArrayList<>();
    private LocalDateTime firstSend;
    private Periodicity periodicity = Periodicity.ONCE;
    private LocalDate endDate;

    public void onLoad() {
        if (loaded) {
            return;
        }
        if (id != null) {
            mailing = mailings.get(id);
            // a message deleted since stays on the mailing until another one is chosen here
            messageId = mailing.getMessage().isDeleted()
                    ? null
                    : mailing.getMessage().getId();
            allClients = mailing.isAllClients();
            recipients = mailing.getRecipients().stream()
                    .sorted(Comparator.comparing(Client::getEmail))
                    .collect(Collectors.toCollection(ArrayList::new));
            firstSend = mailing.getFirstSend();
            periodicity = mailing.getPeriodicity();
            endDate = mailing.getEndDate();
        }
        messageChoices = mailings.messageChoices();
        zone = activeUser.timeZone();
        loaded = true;
    }

    public List<Client> completeClients(String query) {
        return mailings.suggestClients(query);
    }

    /** A client as the recipient field shows it; a refused submission shows what was sent back as it was. */
    public String label(Object item) {
        return item instanceof Client client
                ? client.getFullName() + " <" + client.getEmail() + ">"
                : String.valueOf(item);
    }

    public String save() {
        MailingPlan plan = new MailingPlan(
                mailing.getName(),
                messageId,
                allClients,
                recipients == null
                        ? null
                        : recipients.stream().map(Client::getId).collect(Collectors.toSet()),
                firstSend,
                periodicity,
                endDate);
        Mailing saved = id == null ? mailings.create(plan) : mailings.update(id, plan);
        Pages.info("mailings.saved", saved.getName());
        return "/mailings/view?faces-redirect=true&id=" + saved.getId();
    }

    public Periodicity[] getPeriodicities() {
        return Periodicity.values();
    }

    public List<Message> getMessageChoices() {
        return messageChoices;
    }

    public String getZone() {
        return zone;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Mailing getMailing() {
        return mailing;
    }

    public Long getMessageId() {
        return messageId;
    }

    public void setMessageId(Long messageId) {
        this.messageId = messageId;
    }

    public boolean isAllClients() {
        return allClients;
    }

    public void setAllClients(boolean allClients) {
        this.allClients = allClients;
    }

    public List<Client> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<Client> recipients) {
        this.recipients = recipients;
    }

    public LocalDateTime getFirstSend() {
        return firstSend;
    }

    public void setFirstSend(LocalDateTime firstSend) {
        this.firstSend = firstSend;
    }

    public Periodicity getPeriodicity() {
        return periodicity;
    }

    public void setPeriodicity(Periodicity periodicity) {
        this.periodicity = periodicity;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }
}
