package cn.zhongchuang.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.audit.Refusals;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores, lists, opens and deletes the files attached to an object of another module
 * (owner type and id, e.g. {@code application}/{@code 42}), by category (e.g.
 * {@code business-licence}).
 * <p>
 * <b>Access is the owner's business.</b> This module knows nothing of applications,
 * regions or operators. The owning module checks that the caller may see (or change) the
 * owning object <em>before</em> calling {@link #list}, {@link #open} or {@link #delete},
 * and answers 404 when not. Prefer the owner-scoped {@link #open(String, String, long)}
 * and {@link #delete(String, String, long, CurrentUser)}: they answer 404 for an
 * attachment of another object, so an id copied from elsewhere does not open it.
 * <p>
 * <b>Uploads are checked before anything is written.</b> The content is read once into a
 * private temporary file, counting bytes (the declared size is not trusted: reading stops
 * one byte past the limit) and computing SHA-256; the type is decided from the bytes (see
 * {@code ContentInspector}), never from the name or the client's Content-Type. A refusal
 * is a {@link FieldErrorException} on field {@code file} with a Chinese message naming
 * the problem, and leaves no metadata, content or audit row. An accepted file is stored
 * under a server-generated UUID key; metadata, content (database store) and the audit row
 * ({@code ATTACHMENT_UPLOAD}) are written in one transaction, which joins the caller's
 * when there is one.
 */
@Service
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private final AttachmentRecords records;

	private final AttachmentStore store;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Refusals refusals;

	private final MalwareScanner scanner;

	Attachments(AttachmentRecords records, AttachmentStore store, AuditTrail audit,
			PlatformTransactionManager transactionManager, Clock clock, Refusals refusals, MalwareScanner scanner) {
		this.refusals = refusals;
		this.scanner = scanner;
		this.records = records;
		this.store = store;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Checks and stores one uploaded file.
	 * @param ownerType the kind of owning object: lower-case letters, digits, {@code _}
	 * or {@code -}
	 * @param ownerId the owning object's id
	 * @param category what the file is for the owner; the count limit applies per owner
	 * and category
	 * @param originalFilename the client's name, kept only as a sanitised display name
	 * @param content the bytes; read to the end (or the limit) but not closed
	 * @param declaredSize what the client claims, or -1; refused early when above the
	 * limit, otherwise not trusted
	 * @param policy accepted types, size and count
	 * @param by the uploader, recorded as {@code uploaded_by} and in the audit trail
	 * @throws FieldErrorException on field {@code file}: empty, too big, a type not
	 * recognised or not allowed, a suspicious archive, or the count limit reached
	 */
	public AttachmentRef store(String ownerType, String ownerId, String category, String originalFilename,
			InputStream content, long declaredSize, Policy policy, CurrentUser by) {
		requireOwner(ownerType, ownerId);
		requireCategory(category);
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(by, "by");
		String displayName = FileNames.sanitize(originalFilename);
		try {
			if (declaredSize > policy.maxBytes()) {
				throw tooLarge(policy);
			}
			if (this.records.countLive(ownerType, ownerId, category) >= policy.maxFiles()) {
				throw tooMany(policy);
			}
			try (Received received = receive(content, policy)) {
				FileType type = check(received.file(), policy);
				// ClamAV when configured, fail closed
				this.scanner.scan(received.file());
				return this.transaction
					.execute((status) -> save(ownerType, ownerId, category, displayName, type, received, policy, by));
			}
		}
		catch (FieldErrorException ex) {
			log.info("Refused upload of '{}' to {}/{} ({}) by {}: {}", displayName, ownerType, ownerId, category,
					by.username(), ex.getMessage());
			// audited in a transaction of its own: the caller's rolls back (issue 13
			// finding 11)
			this.refusals.record(new AuditEntry("UPLOAD_REFUSED", ownerType, ownerId, AuditEntry.Result.DENIED,
					"拒绝上传 " + displayName + "（" + category + "）：" + String.join("；", ex.errors().values()),
					by.regionCode(), by.username(), null));
			throw ex;
		}
	}

	/** The owner's live attachments, by category, oldest first. */
	public List<AttachmentRef> list(String ownerType, String ownerId) {
		requireOwner(ownerType, ownerId);
		return this.records.listLive(ownerType, ownerId);
	}

	/** A live attachment's metadata; empty when there is none or it was deleted. */
	public Optional<AttachmentRef> find(long id) {
		return this.records.findLive(id).map(AttachmentRecords.Row::ref);
	}

	/**
	 * The attachment with its content, to be sent with
	 * {@link AttachmentDownloads#download}. Call only after the owning module has checked
	 * the caller's right to see it.
	 * @throws NotFoundException no such live attachment
	 */
	public StoredFile open(long id) {
		AttachmentRecords.Row row = live(id);
		return new StoredFile(row.ref(), () -> this.store.get(row.storageKey()));
	}

	/**
	 * Like {@link #open(long)}, and 404 unless the attachment belongs to that owner.
	 */
	public StoredFile open(String ownerType, String ownerId, long id) {
		StoredFile file = open(id);
		requireOwnedBy(file.ref(), ownerType, ownerId);
		return file;
	}

	/**
	 * Deletes the content and marks the metadata deleted (kept for the record), audited
	 * as {@code ATTACHMENT_DELETE} in the same transaction.
	 * @throws NotFoundException no such live attachment (also when deleted already)
	 */
	public void delete(long id, CurrentUser by) {
		Objects.requireNonNull(by, "by");
		this.transaction.executeWithoutResult((status) -> {
			AttachmentRecords.Row row = live(id);
			remove(row, by);
		});
	}

	/**
	 * Like {@link #delete(long, CurrentUser)}, and 404 unless the attachment belongs to
	 * that owner.
	 */
	public void delete(String ownerType, String ownerId, long id, CurrentUser by) {
		Objects.requireNonNull(by, "by");
		this.transaction.executeWithoutResult((status) -> {
			AttachmentRecords.Row row = live(id);
			requireOwnedBy(row.ref(), ownerType, ownerId);
			remove(row, by);
		});
	}

	private AttachmentRef save(String ownerType, String ownerId, String category, String displayName, FileType type,
			Received received, Policy policy, CurrentUser by) {
		this.records.lockOwner(ownerType, ownerId, category);
		if (this.records.countLive(ownerType, ownerId, category) >= policy.maxFiles()) {
			throw tooMany(policy);
		}
		String key = UUID.randomUUID().toString();
		try (InputStream in = Files.newInputStream(received.file())) {
			this.store.put(key, in, received.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id = this.records.insert(ownerType, ownerId, category, displayName, key, type.mediaType(), received.size(),
				received.sha256(), now, by.username());
		this.audit.record(AuditEntry
			.success("ATTACHMENT_UPLOAD", "attachment", id,
					"上传附件 " + displayName + "（" + ownerType + " " + ownerId + "，" + category + "，" + type.name() + "，"
							+ received.size() + " 字节，SHA-256 " + received.sha256() + "）",
					by.regionCode())
			.by(by.username(), null));
		return new AttachmentRef(id, ownerType, ownerId, category, displayName, type.mediaType(), received.size(),
				received.sha256(), now, by.username());
	}

	private void remove(AttachmentRecords.Row row, CurrentUser by) {
		AttachmentRef ref = row.ref();
		if (!this.records.markDeleted(ref.id(), this.clock.instant(), by.username())) {
			throw new NotFoundException("attachment " + ref.id());
		}
		this.store.delete(row.storageKey());
		this.audit.record(
				AuditEntry
					.success("ATTACHMENT_DELETE", "attachment", ref.id(),
							"删除附件 " + ref.displayName() + "（" + ref.ownerType() + " " + ref.ownerId() + "，"
									+ ref.category() + "，SHA-256 " + ref.sha256() + "）",
							by.regionCode())
					.by(by.username(), null));
	}

	private AttachmentRecords.Row live(long id) {
		return this.records.findLive(id).orElseThrow(() -> new NotFoundException("attachment " + id));
	}

	private static void requireOwnedBy(AttachmentRef ref, String ownerType, String ownerId) {
		if (!ref.ownerType().equals(ownerType) || !ref.ownerId().equals(ownerId)) {
			throw new NotFoundException("attachment " + ref.id());
		}
	}

	/** The type from the bytes, if the policy accepts it. */
	private static FileType check(Path file, Policy policy) {
		ContentInspector.Verdict verdict;
		try {
			verdict = ContentInspector.inspect(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (verdict.type() == null) {
			throw new FieldErrorException("file", verdict.refusal());
		}
		if (!policy.allows(verdict.type())) {
			throw new FieldErrorException("file",
					"文件类型不允许：检测为 " + verdict.type().label() + "，此处只接受 " + policy.allowedNames() + " 文件");
		}
		return verdict.type();
	}

	/**
	 * Copies the upload into a private temporary file, never reading more than one byte
	 * past the limit.
	 */
	private static Received receive(InputStream content, Policy policy) {
		Path file;
		try {
			file = Files.createTempFile("zhongchuang-upload-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = 0;
			byte[] buffer = new byte[64 * 1024];
			try (OutputStream out = Files.newOutputStream(file)) {
				while (true) {
					int n;
					try {
						n = content.read(buffer, 0, (int) Math.min(buffer.length, policy.maxBytes() + 1 - size));
					}
					catch (IOException ex) {
						throw new FieldErrorException("file", "上传中断，请重新上传");
					}
					if (n == -1) {
						break;
					}
					size += n;
					if (size > policy.maxBytes()) {
						throw tooLarge(policy);
					}
					sha256.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw new FieldErrorException("file", "文件为空");
			}
			return new Received(file, size, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
			deleteQuietly(file);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("could not spool an upload", ex);
		}
	}

	private static FieldErrorException tooLarge(Policy policy) {
		return new FieldErrorException("file", "文件超过 " + Policy.sizeLabel(policy.maxBytes()) + " 上限");
	}

	private static FieldErrorException tooMany(Policy policy) {
		return new FieldErrorException("file", "附件数量已达上限：此类材料最多 " + policy.maxFiles() + " 个文件，请先删除不需要的文件");
	}

	private static void requireOwner(String ownerType, String ownerId) {
		if (ownerType == null || !ownerType.matches("[a-z][a-z0-9_-]{0,39}")) {
			throw new IllegalArgumentException("invalid owner type: " + ownerType);
		}
		if (ownerId == null || ownerId.isBlank() || ownerId.length() > 64 || hasControl(ownerId)) {
			throw new IllegalArgumentException("invalid owner id: " + ownerId);
		}
	}

	private static void requireCategory(String category) {
		if (category == null || category.isBlank() || category.length() > 64 || hasControl(category)) {
			throw new IllegalArgumentException("invalid category: " + category);
		}
	}

	private static boolean hasControl(String s) {
		return s.chars().anyMatch(Character::isISOControl);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete temporary upload {}", file, ex);
		}
	}

	/** An upload in its temporary file, deleted on close. */
	private record Received(Path file, long size, String sha256) implements AutoCloseable {

		@Override
		public void close() {
			deleteQuietly(this.file);
		}

	}

}
