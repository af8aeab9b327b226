package ru.rassylka.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What the author typed: subject, body and the kind of body, before it is saved or previewed. */
public record MessageDraft(String subject, String body, BodyKind bodyKind) {

    /** The placeholder problems of the subject and the body, each once, subject first. */
    public List<TemplateProblem> problems() {
        List<TemplateProblem> problems = new ArrayList<>(Template.validate(Objects.requireNonNullElse(subject, "")));
        Template.validate(Objects.requireNonNullElse(body, "")).stream()
                .filter(problem -> !problems.contains(problem))
                .forEach(problems::add);
        return problems;
    }

    /** The placeholders a text may use, as the author writes them, for hints and messages. */
    public static String knownPlaceholders() {
        return String.join(
                ", ",
                Arrays.stream(Placeholder.values()).map(Placeholder::token).toList());
    }

    /** The tokens of the problems of one kind, joined for a message, e.g. {@code {{name}}, {{city}}}; empty if none. */
    public static String tokens(List<TemplateProblem> problems, TemplateProblem.Kind kind) {
        return String.join(
                ", ",
                problems.stream()
                        .filter(problem -> problem.kind() == kind)
                        .map(TemplateProblem::token)
                        .toList());
    }
}
