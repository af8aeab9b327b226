package ru.rassylka.blog;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;
import org.primefaces.model.file.UploadedFile;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.web.Pages;

/**
 * Writes a new article (no id) or edits one, with a preview of the sanitized content and the
 * image. An uploaded image is checked at once and kept with the form until it is saved.
 */
@Named
@ViewScoped
public class ArticleEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BlogAdmin admin;

    private Long id;
    private boolean loaded;
    // the form's title and content are the entity's own fields, so that they carry the entity's constraints
    private Article article = new Article();
    private Long imageId;
    private byte[] newImage;
    private String newImageType;
    private transient UploadedFile upload;
    private String previewContent;

    public void onLoad() {
        if (loaded || id == null) {
            loaded = true;
            return;
        }
        article = admin.get(id);
        imageId = article.getImageId();
        loaded = true;
    }

    public void preview() {
        if (takeUpload()) {
            previewContent = admin.sanitized(article.getContent());
        }
    }

    public String save() {
        if (!takeUpload()) {
            return null;
        }
        Article saved = admin.save(id, new ArticleDraft(article.getTitle(), article.getContent(), newImage));
        Pages.info("blog.admin.saved");
        return "/admin/blog?faces-redirect=true&saved=" + saved.getId();
    }

    /** Keeps a newly chosen file if it is an image that may be shown; otherwise says why and keeps nothing. */
    private boolean takeUpload() {
        if (upload == null || upload.getSize() == 0) {
            return true;
        }
        try {
            ImageRefusedException.checkSize(upload.getSize());
            byte[] data = upload.getContent();
            newImageType = ImageRefusedException.check(data).contentType();
            newImage = data;
            return true;
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
            return false;
        } finally {
            upload = null;
        }
    }

    /** The image to show in the preview: the new upload inline, or the stored one. */
    public String getImageSource() {
        if (newImage != null) {
            return "data:" + newImageType + ";base64," + Base64.getEncoder().encodeToString(newImage);
        }
        return imageId == null
                ? null
                : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                        + ImageServlet.PATH
                        + imageId;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Article getArticle() {
        return article;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public String getPreviewContent() {
        return previewContent;
    }
}
