package cn.zhongchuang.attachment;

import java.io.InputStream;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends an attachment safely, for any module's controller:
 *
 * <pre>{@code
 * &#64;GetMapping("/applications/{id}/attachments/{attachmentId}")
 * ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
 * 		

&#64;AuthenticationPrincipal CurrentUser user) {
 * 	applications.get(id, user); // the owner's own scope check: 404 outside it
 * 	return AttachmentDownloads.download(attachments.open("application", String.valueOf(id), attachmentId));
 * }
 * }</pre>
 */
public final class AttachmentDownloads {

	/**
	 * Whatever a browser makes of the bytes, no script runs and nothing loads: the file
	 * is shown in a sandbox (as raw.githubusercontent.com does).
	 */
	static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

	private AttachmentDownloads() {
	}

	/**
	 * The response for a file: its detected Content-Type and exact length;
	 * {@code Content-Disposition} per RFC 6266 with an ASCII fallback and the UTF-8 name
	 * ({@code attachment; filename="…"; filename*=UTF-8''…}), {@code inline} only for PNG
	 * and JPEG; {@code X-Content-Type-Options: nosniff}; a sandboxing CSP; not cached by
	 * shared caches. The name's extension is corrected to the detected type. The content
	 * is read from the store as the response is written, in the request thread (no async
	 * timeout on slow links); byte ranges are honoured.
	 */
	public static ResponseEntity<Resource> download(StoredFile file) {
		AttachmentRef ref = file.ref();
		FileType type = ref.type();
		String name = FileNames.downloadName(ref);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type.mediaType()))
			.contentLength(ref.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(type.isImage(), name, ref.id(), type))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new StoredFileResource(file));
	}

	/**
	 * Re-readable (each read opens the store again), with a known length and no file
	 * name, so Spring neither guesses a type nor reads the content to count it.
	 */
	private static final class StoredFileResource extends AbstractResource {

		private final StoredFile file;

		StoredFileResource(StoredFile file) {
			this.file = file;
		}

		@Override
		public InputStream getInputStream() {
			return this.file.openStream();
		}

		@Override
		public long contentLength() {
			return this.file.ref().size();
		}

		@Override
		public long lastModified() {
			return this.file.ref().uploadedAt().toEpochMilli();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getDescription() {
			return "attachment " + this.file.ref().id();
		}

	}

}
