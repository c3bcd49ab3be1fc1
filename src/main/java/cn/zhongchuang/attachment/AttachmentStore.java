package cn.zhongchuang.attachment;

import java.io.InputStream;

/**
 * Where the content of attachments lives, under keys the server generates. Metadata is
 * always in PostgreSQL (table {@code attachment}); only the bytes go through this
 * interface, so another store can replace the default without any caller noticing.
 * <p>
 * One implementation is active, chosen by {@code zhongchuang.attachments.store}:
 * {@code database} (the default) keeps the bytes in table {@code attachment_blob}.
 * <p>
 * <b>Adding an S3-compatible store</b> (MinIO, OSS, COS, OBS): implement this interface
 * in a sub-package of this module, register it as a bean conditional on
 * {@code zhongchuang.attachments.store=s3}, and accept that value in
 * {@code AttachmentProperties}. {@code Attachments} calls {@code put} and {@code delete}
 * inside its database transaction. The database store takes part in that transaction; an
 * object store cannot, so it must:
 * <ul>
 * <li>write each {@code put} as a new object (keys are never reused; a rolled-back upload
 * leaves an orphan object, which a periodic sweep of keys without an {@code attachment}
 * row removes);</li>
 * <li>defer {@code delete} until the transaction has committed (a
 * {@code TransactionSynchronization}), so that a rolled-back deletion never loses the
 * content.</li>
 * </ul>
 */
public interface AttachmentStore {

	/**
	 * Stores exactly {@code size} bytes from {@code content} (already checked) under a
	 * new key. Does not close the stream.
	 */
	void put(String key, InputStream content, long size);

	/**
	 * The content stored under the key; the caller closes the stream.
	 * @throws IllegalStateException nothing is stored under the key
	 */
	InputStream get(String key);

	/** Removes the content; a missing key is not an error. */
	void delete(String key);

}
