package ru.rassylka.message;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ru.rassylka.platform.web.Pages;

/** Creates a message (no id) or edits one of the owner's; shows a preview of what is typed. */
@Named
@ViewScoped
public class MessageEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageService messages;

    private Long id;
    private boolean loaded;
    // the form's subject and body are the entity's own fields, so that they carry the entity's constraints
    private Message message = new Message();
    private BodyKind bodyKind = BodyKind.PLAIN_TEXT;
    // until the author picks a kind, it follows the body
    private boolean kindChosen;
    private MessagePreview preview;

    public void onLoad() {
        if (loaded || id == null) {
            loaded = true;
            return;
        }
        message = messages.get(id);
        bodyKind = message.getBodyKind();
        kindChosen = true;
        loaded = true;
    }

    /** Names every unknown or malformed placeholder of the field. */
    public void validatePlaceholders(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return;
        }
        List<TemplateProblem> problems = Template.validate(value.toString());
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        String unknown = MessageDraft.tokens(problems, TemplateProblem.Kind.UNKNOWN_PLACEHOLDER);
        if (!unknown.isEmpty()) {
            text.append(Pages.text("messages.unknownPlaceholders", unknown, MessageDraft.knownPlaceholders()));
        }
        String malformed = MessageDraft.tokens(problems, TemplateProblem.Kind.MALFORMED_PLACEHOLDER);
        if (!malformed.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(Pages.text("messages.malformedPlaceholders", malformed));
        }
        throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text.toString(), null));
    }

    public void bodyChanged() {
        if (!kindChosen && message.getBody() != null) {
            bodyKind = BodyKind.guess(message.getBody());
        }
    }

    public void kindChanged() {
        kindChosen = true;
    }

    public void preview() {
        preview = messages.preview(draft());
    }

    public String save() {
        Message saved = id == null ? messages.create(draft()) : messages.update(id, draft());
        Pages.info("messages.saved");
        return "/messages/view?faces-redirect=true&id=" + saved.getId();
    }

    private MessageDraft draft() {
        return new MessageDraft(message.getSubject(), message.getBody(), bodyKind);
    }

    public BodyKind[] getKinds() {
        return BodyKind.values();
    }

    public String getKnownPlaceholders() {
        return MessageDraft.knownPlaceholders();
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

    public BodyKind getBodyKind() {
        return bodyKind;
    }

    public void setBodyKind(BodyKind bodyKind) {
        this.bodyKind = bodyKind;
    }

    public MessagePreview getPreview() {
        return preview;
    }
}
