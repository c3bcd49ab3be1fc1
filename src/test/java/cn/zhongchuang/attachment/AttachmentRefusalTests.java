package cn.zhongchuang.attachment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.UUID;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hostile and broken files are refused with a Chinese message naming the problem, on
 * field {@code file}, and leave nothing behind: no metadata, no content, no audit row.
 */
@IntegrationTest
class AttachmentRefusalTests {

	@Autowired
	Attachments attachments;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	TestAccounts.Account operator;

	String owner;

	long blobsBefore;

	long auditBefore;

	@BeforeEach
	void setUp() {
		this.operator = this.accounts.create(Role.OPERATOR, "620102");
		this.owner = UUID.randomUUID().toString();
		this.blobsBefore = count("SELECT count(*) FROM attachment_blob");
		this.auditBefore = count("SELECT count(*) FROM audit_event WHERE action LIKE 'ATTACHMENT_%'");
	}

	/** Whatever a test refused, nothing of it was written. */
	@AfterEach
	void nothingWasWritten() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM attachment WHERE owner_id = :owner")
			.param("owner", this.owner)
			.query(Long.class)
			.single()).isZero();
		assertThat(count("SELECT count(*) FROM attachment_blob")).isEqualTo(this.blobsBefore);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action LIKE 'ATTACHMENT_%'"))
			.isEqualTo(this.auditBefore);
	}

	@Test
	void aWindowsExecutableRenamedToPdfIsRefusedAsAnExecutable() {
		assertRefused("申报书.pdf", SampleFiles.windowsExecutable(), "文件类型不允许：检测为 Windows 可执行文件");
	}

	@Test
	void anElfBinaryIsRefused() {
		assertRefused("营业执照.pdf", SampleFiles.elf(), "文件类型不允许：检测为 Linux 可执行文件（ELF）");
	}

	@Test
	void aShellScriptIsRefused() {
		assertRefused("说明.docx", SampleFiles.shellScript(), "文件类型不允许：检测为 脚本");
	}

	@Test
	void anHtmlPageRenamedToPngIsRefused() {
		assertRefused("现场照片.png", SampleFiles.html(), "文件类型不允许：检测为 HTML 网页");
	}

	@Test
	void anSvgImageIsRefusedBecauseItCanCarryScript() {
		assertRefused("logo.png", SampleFiles.svg(), "文件类型不允许：检测为 SVG 图像（可含脚本）");
	}

	@Test
	void aStreamOneByteOverTheLimitIsRefusedWhateverItsDeclaredSize() {
		SampleFiles.CountingStream stream = SampleFiles.pdfLikeStream(Policy.MAX_BYTES + 1);

		assertThatThrownBy(() -> this.attachments.store("test", this.owner, "材料", "小文件.pdf", stream, 1000,
				Policy.materials(), this.operator.principal()))
			.isInstanceOf(FieldErrorException.class)
			.hasMessage("文件超过 20 MB 上限");
		assertThat(stream.bytesRead()).isEqualTo(Policy.MAX_BYTES + 1);
	}

	@Test
	void aDeclaredSizeOverTheLimitIsRefusedBeforeReadingAnything() {
		SampleFiles.CountingStream stream = SampleFiles.pdfLikeStream(2 * 1024 * 1024);

		assertThatThrownBy(() -> this.attachments.store("test", this.owner, "材料", "大文件.pdf", stream, 2 * 1024 * 1024,
				Policy.of(1024 * 1024, 5, Policy.PDF), this.operator.principal()))
			.hasMessage("文件超过 1 MB 上限");
		assertThat(stream.bytesRead()).isZero();
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused("空.pdf", new byte[0], "文件为空");
	}

	@Test
	void aZipBombDisguisedAsDocxIsRefused() {
		byte[] bomb = SampleFiles.zipBombDocx();
		assertThat(bomb.length).isLessThan(1024 * 1024);

		assertRefused("申请书.docx", bomb, "Office 文档异常：压缩比超过 100 倍，疑似压缩炸弹");
	}

	@Test
	void aDocxWithMoreEntriesThanAnyRealDocumentIsRefused() {
		assertRefused("申请书.docx", SampleFiles.docxWithEntries(ContentInspector.MAX_ENTRIES),
				"Office 文档异常：压缩包条目超过 1000 个，疑似压缩炸弹");
	}

	@Test
	void aDocxWithAnEntryClimbingOutOfItsDirectoryIsRefused() {
		assertRefused("申请书.docx", SampleFiles.docxWithZipSlip(), "Office 文档异常：压缩包内有越出目录的路径");
	}

	@Test
	void aMacroEnabledDocumentRenamedToDocxIsRefused() {
		assertRefused("申请书.docx", SampleFiles.docm(), "文件类型不允许：检测为 含宏的 Office 文档");
	}

	@Test
	void aPlainZipRenamedToDocxIsRefused() {
		assertRefused("申请书.docx", SampleFiles.plainZip(), "文件类型不允许：检测为 压缩包（不是 Word 或 Excel 文档）");
	}

	@Test
	void aTruncatedDocxIsRefusedAsDamaged() {
		byte[] docx = SampleFiles.docx();
		byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 2);

		assertRefused("申请书.docx", truncated, "文件已损坏：压缩包无法读取");
	}

	@Test
	void aRefusalReachesTheApiAsA400NamingTheFileField() throws Exception {
		this.mvc
			.perform(multipart("/test/attachments/" + this.owner)
				.file(new MockMultipartFile("file", "申报书.pdf", "application/pdf", SampleFiles.windowsExecutable()))
				.with(user(this.operator.principal()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("文件类型不允许：检测为 Windows 可执行文件"));
	}

	private void assertRefused(String name, byte[] content, String message) {
		InputStream in = new ByteArrayInputStream(content);
		assertThatThrownBy(() -> this.attachments.store("test", this.owner, "材料", name, in, content.length,
				Policy.materials(), this.operator.principal()))
			.isInstanceOf(FieldErrorException.class)
			.satisfies((ex) -> assertThat(((FieldErrorException) ex).errors())
				.containsExactly(java.util.Map.entry("file", message)));
		// the refusal itself is audited (issue 13 finding 11), though nothing was stored
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'UPLOAD_REFUSED' AND result = 'DENIED'
				  AND object_id = :owner AND actor = :actor AND detail LIKE :detail
				""")
			.param("owner", this.owner)
			.param("actor", this.operator.username())
			.param("detail", "%" + message + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
