package ru.rassylka.message;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.account.User;
import ru.rassylka.platform.web.Pages;

/** The owner's list of messages, with delete. */
@Named
@ViewScoped
public class MessagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    private MessageService messages;

    @Inject
    private ActiveUser activeUser;

    private List<Message> list;
    private ZoneId zone;

    @PostConstruct
    void init() {
        zone = activeUser.user().map(User::zone).orElse(ZoneId.of(User.DEFAULT_TIME_ZONE));
        list = messages.list();
    }

    public void delete(Message message) {
        try {
            messages.delete(message.getId());
            Pages.info("messages.deleted", message.getSubject());
        } catch (MessageNotFoundException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
        list = messages.list();
    }

    /** When the message was last changed, on the owner's wall clock. */
    public String updated(Message message) {
        return UPDATED.format(message.getUpdatedAt().atZone(zone));
    }

    public List<Message> getList() {
        return list;
    }
}
