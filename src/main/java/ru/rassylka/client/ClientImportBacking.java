package ru.rassylka.client;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.primefaces.model.file.UploadedFile;
import ru.rassylka.platform.web.Pages;

/** Uploads a CSV file of clients, then follows its import until the report is there. */
@Named
@ViewScoped
public class ClientImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClientImport clientImport;

    private transient UploadedFile file;
    private UUID jobId;
    // The live job of the registry, looked up once per view rather than on every EL access
    private transient ImportJob job;
    private boolean tooLarge;

    /** Explains a refused upload that was too large to reach this page (see {@link ImportUploadLimit}). */
    public void onLoad() {
        if (tooLarge && !FacesContext.getCurrentInstance().isPostback()) {
            Pages.error("clients.import.tooLarge");
        }
    }

    public void upload() throws IOException {
        if (file == null) {
            Pages.error("clients.import.noFile");
            return;
        }
        if (file.getSize() == 0) {
            Pages.error("clients.import.emptyFile");
            return;
        }
        if (file.getSize() > ClientLimits.IMPORT_FILE_MAX_BYTES) {
            Pages.error("clients.import.tooLarge");
            return;
        }
        // The upload lives only as long as this request; the import reads its own copy
        Path copy = Files.createTempFile("clients-import-", ".csv");
        try (InputStream input = file.getInputStream()) {
            Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        job = clientImport.start(copy, file.getFileName());
        jobId = job.getId();
    }

    /** The import started on this page, while this server still knows it. */
    public ImportJob getJob() {
        if (job == null && jobId != null) {
            job = clientImport.find(jobId).orElse(null);
        }
        return job;
    }

    /** The sentence for a rejected or skipped row. */
    public String problemText(RowProblem problem) {
        return Pages.text(
                "clients.import.problem." + problem.reason().name(), problem.value() == null ? "" : problem.value());
    }

    /** The sentence for a refused file. */
    public String refusalText(ClientCsvException refusal) {
        return Pages.text(
                "clients.import.refused." + refusal.reason().name(),
                refusal.line(),
                refusal.value() == null ? "" : refusal.value());
    }

    public long getMaxFileBytes() {
        return ClientLimits.IMPORT_FILE_MAX_BYTES;
    }

    public boolean isTooLarge() {
        return tooLarge;
    }

    public void setTooLarge(boolean tooLarge) {
        this.tooLarge = tooLarge;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
