package cn.zhongchuang.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepted files: stored, listed, read back byte for byte, counted, deleted, audited. */
@IntegrationTest
class AttachmentsTests {

	@Autowired
	Attachments attachments;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestDatabase database;

	CurrentUser operator;

	String owner;

	@BeforeEach
	void setUp() {
		this.operator = this.accounts.create(Role.OPERATOR, "110105").principal();
		this.owner = UUID.randomUUID().toString();
	}

	@Test
	void aRealPdfComesBackByteIdenticalWithItsSha256AndTheUploadIsAudited() throws Exception {
		byte[] pdf = SampleFiles.pdf();

		AttachmentRef ref = store("营业执照", "营业执照（副本）.pdf", pdf, Policy.materials());

		assertThat(ref.mediaType()).isEqualTo("application/pdf");
		assertThat(ref.size()).isEqualTo(pdf.length);
		assertThat(ref.sha256()).isEqualTo(sha256(pdf));
		assertThat(ref.displayName()).isEqualTo("营业执照（副本）.pdf");
		assertThat(ref.uploadedBy()).isEqualTo(this.operator.username());
		assertThat(read(this.attachments.open(ref.id()))).isEqualTo(pdf);
		assertThat(this.jdbc.sql("SELECT sha256 FROM attachment WHERE id = :id")
			.param("id", ref.id())
			.query(String.class)
			.single()).isEqualTo(sha256(pdf));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'ATTACHMENT_UPLOAD' AND object_type = 'attachment'
				  AND object_id = :id AND actor = :actor AND region_code = '110105' AND detail LIKE '%' || :sha || '%'
				""")
			.param("id", String.valueOf(ref.id()))
			.param("actor", this.operator.username())
			.param("sha", ref.sha256())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void imagesWrittenByImageIoAreRecognisedAsPngAndJpeg() throws Exception {
		byte[] png = SampleFiles.png();
		byte[] jpeg = SampleFiles.jpeg();

		AttachmentRef pngRef = store("现场照片", "IMG_0001.png", png, Policy.photos());
		AttachmentRef jpegRef = store("现场照片", "IMG_0002.jpg", jpeg, Policy.photos());

		assertThat(pngRef.type()).isEqualTo(FileType.PNG);
		assertThat(jpegRef.type()).isEqualTo(FileType.JPEG);
		assertThat(read(this.attachments.open(pngRef.id()))).isEqualTo(png);
		assertThat(read(this.attachments.open(jpegRef.id()))).isEqualTo(jpeg);
	}

	@Test
	void wordAndExcelDocumentsAreRecognisedFromTheirParts() throws Exception {
		byte[] docx = SampleFiles.docx();
		byte[] xlsx = SampleFiles.xlsx();

		AttachmentRef word = store("申请书", "申请书.docx", docx, Policy.materials());
		AttachmentRef excel = store("在孵企业名单", "名单.xlsx", xlsx, Policy.materials());

		assertThat(word.type()).isEqualTo(FileType.DOCX);
		assertThat(excel.type()).isEqualTo(FileType.XLSX);
		assertThat(read(this.attachments.open(word.id()))).isEqualTo(docx);
		assertThat(read(this.attachments.open(excel.id()))).isEqualTo(xlsx);
	}

	@Test
	void theBytesDecideTheTypeNotTheNameOrTheClient() {
		AttachmentRef ref = store("材料", "scan.pdf", SampleFiles.png(), Policy.materials());

		assertThat(ref.mediaType()).isEqualTo("image/png");
		assertThat(ref.displayName()).isEqualTo("scan.pdf");
		assertThatThrownBy(() -> store("材料", "scan.pdf", SampleFiles.png(), Policy.of(Policy.MAX_BYTES, 5, Policy.PDF)))
			.isInstanceOf(FieldErrorException.class)
			.satisfies((ex) -> assertThat(((FieldErrorException) ex).errors()).containsEntry("file",
					"文件类型不允许：检测为 PNG 图片，此处只接受 PDF 文件"));
	}

	@Test
	void aPathTraversalNameIsOnlyADisplayNameAndTheKeyIsTheServers() {
		AttachmentRef unix = store("材料", "../../etc/passwd", SampleFiles.pdf(), Policy.materials());
		AttachmentRef windows = store("材料", "..\\..\\win.ini", SampleFiles.pdf(), Policy.materials());

		assertThat(unix.displayName()).isEqualTo("passwd");
		assertThat(windows.displayName()).isEqualTo("win.ini");
		assertThat(this.jdbc.sql("SELECT storage_key FROM attachment WHERE owner_id = :owner")
			.param("owner", this.owner)
			.query(String.class)
			.list()).hasSize(2).allSatisfy((key) -> assertThat(UUID.fromString(key).toString()).isEqualTo(key));
	}

	@Test
	void theListShowsTheOwnersLiveAttachmentsOnly() {
		AttachmentRef licence = store("营业执照", "执照.pdf", SampleFiles.pdf(), Policy.materials());
		AttachmentRef photo = store("场地照片", "场地.png", SampleFiles.png(), Policy.materials());
		AttachmentRef gone = store("场地照片", "作废.png", SampleFiles.png(), Policy.materials());
		this.attachments.delete(gone.id(), this.operator);
		this.attachments.store("test", "other-" + this.owner, "营业执照", "别人的.pdf",
				new ByteArrayInputStream(SampleFiles.pdf()), -1, Policy.materials(), this.operator);

		assertThat(this.attachments.list("test", this.owner)).extracting(AttachmentRef::id)
			.containsExactlyInAnyOrder(licence.id(), photo.id());
	}

	@Test
	void theCountLimitRefusesOneFileMoreInTheSameOwnerAndCategoryOnly() {
		Policy twoFiles = Policy.of(Policy.MAX_BYTES, 2, Policy.PDF);
		store("验资报告", "1.pdf", SampleFiles.pdf(), twoFiles);
		AttachmentRef second = store("验资报告", "2.pdf", SampleFiles.pdf(), twoFiles);
		long blobs = blobCount();

		assertThatThrownBy(() -> store("验资报告", "3.pdf", SampleFiles.pdf(), twoFiles))
			.isInstanceOf(FieldErrorException.class)
			.hasMessage("附件数量已达上限：此类材料最多 2 个文件，请先删除不需要的文件");
		assertThat(blobCount()).isEqualTo(blobs);
		store("审计报告", "3.pdf", SampleFiles.pdf(), twoFiles);
		this.attachments.delete(second.id(), this.operator);
		store("验资报告", "3.pdf", SampleFiles.pdf(), twoFiles);
		assertThat(this.attachments.list("test", this.owner)).hasSize(3);
	}

	@Test
	void twoUploadsAtOnceCannotBothTakeTheLastPlace() throws Exception {
		Policy oneFile = Policy.of(Policy.MAX_BYTES, 1, Policy.PDF);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						store("法人身份证明", "证明.pdf", SampleFiles.pdf(), oneFile);
						return true;
					}
					catch (FieldErrorException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			long stored = 0;
			for (Future<Boolean> result : results) {
				stored += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(stored).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.attachments.list("test", this.owner)).hasSize(1);
	}

	@Test
	void deletingRemovesTheContentKeepsTheRecordAndIsAudited() {
		AttachmentRef ref = store("整改证据", "整改.pdf", SampleFiles.pdf(), Policy.materials());
		String key = storageKey(ref.id());

		this.attachments.delete(ref.id(), this.operator);

		assertThat(this.attachments.find(ref.id())).isEmpty();
		assertThatThrownBy(() -> this.attachments.open(ref.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.attachments.delete(ref.id(), this.operator))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.jdbc.sql("SELECT count(*) FROM attachment_blob WHERE storage_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT deleted_by FROM attachment WHERE id = :id")
			.param("id", ref.id())
			.query(String.class)
			.single()).isEqualTo(this.operator.username());
		assertThat(auditCount("ATTACHMENT_DELETE", ref.id())).isEqualTo(1);
	}

	@Test
	void anAttachmentOfAnotherOwnerIsNotFoundThroughTheOwnerScopedMethods() {
		AttachmentRef ref = store("营业执照", "执照.pdf", SampleFiles.pdf(), Policy.materials());

		assertThatThrownBy(() -> this.attachments.open("test", "another-owner", ref.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.attachments.open("application", this.owner, ref.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.attachments.delete("test", "another-owner", ref.id(), this.operator))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.attachments.open("test", this.owner, ref.id()).ref()).isEqualTo(ref);
	}

	@Test
	void anUploadWhoseAuditRowCannotBeWrittenLeavesNothingBehind() {
		long blobs = blobCount();
		this.database.owner()
			.sql("ALTER TABLE audit_event ADD CONSTRAINT test_refuse_upload CHECK (detail NOT LIKE '%无法审计%')")
			.update();
		try {
			assertThatThrownBy(() -> store("材料", "无法审计.pdf", SampleFiles.pdf(), Policy.materials()))
				.isNotInstanceOf(FieldErrorException.class);
		}
		finally {
			this.database.owner().sql("ALTER TABLE audit_event DROP CONSTRAINT test_refuse_upload").update();
		}
		assertThat(this.attachments.list("test", this.owner)).isEmpty();
		assertThat(blobCount()).isEqualTo(blobs);
	}

	private AttachmentRef store(String category, String name, byte[] content, Policy policy) {
		return this.attachments.store("test", this.owner, category, name, new ByteArrayInputStream(content),
				content.length, policy, this.operator);
	}

	private long blobCount() {
		return this.jdbc.sql("SELECT count(*) FROM attachment_blob").query(Long.class).single();
	}

	private String storageKey(long id) {
		return this.jdbc.sql("SELECT storage_key FROM attachment WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long auditCount(String action, long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND object_id = :id")
			.param("action", action)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

	static byte[] read(StoredFile file) throws IOException {
		try (InputStream in = file.openStream()) {
			return in.readAllBytes();
		}
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
