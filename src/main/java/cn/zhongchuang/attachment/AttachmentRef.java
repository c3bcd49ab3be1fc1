package cn.zhongchuang.attachment;

import java.time.Instant;

/**
 * A stored attachment, without its content.
 *
 * @param ownerType the kind of object it belongs to, e.g. {@code application}
 * @param ownerId that object's id
 * @param category what it is for the owner, e.g. {@code business-licence}
 * @param displayName the uploader's file name after sanitising: never a path, never used
 * to store the file
 * @param mediaType decided from the file's bytes, never from its name or the client
 * @param sha256 hex digest of the content as received
 * @param uploadedBy login name of the uploader
 */
public record AttachmentRef(long id, String ownerType, String ownerId, String category, String displayName,
		String mediaType, long size, String sha256, Instant uploadedAt, String uploadedBy) {

	public FileType type() {
		return FileType.ofMediaType(this.mediaType);
	}

}
