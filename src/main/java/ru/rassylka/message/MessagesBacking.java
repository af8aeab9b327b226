package ru.rassylka.message;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.account.User;
import ru.rassylka.platform.web.Pages;

/** The owner's list of messages, with delete. */
@Named
@ViewScoped
public class MessagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageService messages;

    @Inject
    private ActiveUser activeUser;

    private List<Message> list;

    @PostConstruct
    void init() {
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

    /** The owner's time zone, for the times in the list. */
    public String getZone() {
        return activeUser.user().map(User::getTimeZone).orElse(User.DEFAULT_TIME_ZONE);
    }

    public List<Message> getList() {
        return list;
    }
}
