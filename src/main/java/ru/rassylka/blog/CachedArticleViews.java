package ru.rassylka.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rassylka.platform.web.CachedPageRequest;

/**
 * An article's page answered from the page cache still counts its view; an article unpublished
 * meanwhile is not answered from there, its page then says it is not found.
 */
@ApplicationScoped
public class CachedArticleViews {

    private static final Pattern ARTICLE = Pattern.compile("/blog/(\\d{1,18})");

    @Inject
    private Blog blog;

    void count(@Observes CachedPageRequest asked) {
        Matcher article = ARTICLE.matcher(asked.path());
        if (article.matches() && !blog.countView(Long.parseLong(article.group(1)))) {
            asked.refuse();
        }
    }
}
