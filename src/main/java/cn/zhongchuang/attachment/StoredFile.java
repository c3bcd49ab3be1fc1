package cn.zhongchuang.attachment;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * An attachment ready to be read: its metadata, and its content from the store on demand.
 * Obtained from {@link Attachments#open} after the owning module has checked the caller's
 * right to see it; {@link AttachmentDownloads#download} turns it into a response.
 */
public final class StoredFile {

	private final AttachmentRef ref;

	private final Supplier<InputStream> content;

	StoredFile(AttachmentRef ref, Supplier<InputStream> content) {
		this.ref = ref;
		this.content = content;
	}

	public AttachmentRef ref() {
		return this.ref;
	}

	/**
	 * A new stream over the content, read from the store now; the caller closes it.
	 */
	public InputStream openStream() {
		return this.content.get();
	}

}
