package ru.rassylka.blog;

import java.io.Serializable;
import java.util.List;

/** One page of the public list: its articles, newest first, and how many pages there are. */
public record ArticlePage(int number, int pages, List<ArticleCard> cards) implements Serializable {

    public ArticlePage {
        cards = List.copyOf(cards);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
