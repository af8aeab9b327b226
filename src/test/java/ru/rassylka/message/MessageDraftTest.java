package ru.rassylka.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDraftTest {

    @Test
    void knownPlaceholdersInSubjectAndBodyAreFine() {
        assertTrue(new MessageDraft("Hi {{full_name}}", "{{email}} {{ unsubscribe_url }}", BodyKind.PLAIN_TEXT)
                .problems()
                .isEmpty());
    }

    @Test
    void problemsOfBothFieldsAreNamedOnceSubjectFirst() {
        List<TemplateProblem> problems =
                new MessageDraft("Hi {{name}}", "{{city}} {{name}} {{email", BodyKind.PLAIN_TEXT).problems();

        assertEquals("{{name}}, {{city}}", MessageDraft.tokens(problems, TemplateProblem.Kind.UNKNOWN_PLACEHOLDER));
        assertEquals("{{email", MessageDraft.tokens(problems, TemplateProblem.Kind.MALFORMED_PLACEHOLDER));
    }

    @Test
    void missingFieldsHaveNoPlaceholderProblems() {
        assertTrue(new MessageDraft(null, null, null).problems().isEmpty());
    }

    @Test
    void knownPlaceholdersAreListedAsWritten() {
        assertEquals("{{full_name}}, {{email}}, {{unsubscribe_url}}", MessageDraft.knownPlaceholders());
    }
}
