package ru.rassylka.message;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.platform.web.Pages;

/** One message of the owner with its preview; another owner's id answers 404. */
@Named
@ViewScoped
public class MessageViewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageService messages;

    private Long id;
    private Message message;
    private MessagePreview preview;

    public void onLoad() {
        // no row has id 0: a page without an id answers 404, as for a foreign or deleted one
        message = messages.get(id == null ? 0 : id);
        preview = messages.preview(new MessageDraft(message.getSubject(), message.getBody(), message.getBodyKind()));
    }

    public String delete() {
        messages.delete(id);
        Pages.info("messages.deleted", message.getSubject());
        return "/messages/index?faces-redirect=true";
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Message getMessage() {
        return message;
    }

    public MessagePreview getPreview() {
        return preview;
    }
}
