package ru.rassylka.home;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Recounts the global home figures every minute, so that no visitor waits for the count over all
 * clients. Not persistent: a missed minute needs no catching up.
 */
@Singleton
public class FiguresRefresh {

    @Inject
    private Figures figures;

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false, info = "home figures")
    void refresh() {
        figures.refreshGlobal();
    }
}
