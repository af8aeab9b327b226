package ru.rassylka.blog;

/** What the administrator typed: the title, the content as HTML (sanitized on save) and an image to attach, if any. */
public record ArticleDraft(String title, String content, byte[] newImage) {}
